import type cassandra from 'cassandra-driver';
import { request } from 'undici';

interface Reading {
  deviceId: string;
  ts: string;
  metric: string;
  value: number;
}

const INSERT = 'INSERT INTO readings (device_id, day, ts, metric, value) VALUES (?, ?, ?, ?, ?)';

export function makePullReadings(client: cassandra.Client) {
  let cursor: string | undefined;

  return async function pullReadings(): Promise<void> {
    const url = new URL('/v1/readings', process.env.GATEWAY_URL ?? 'http://gateway.local:8080');
    if (cursor) url.searchParams.set('after', cursor);

    const { statusCode, body } = await request(url, { headers: { authorization: `Bearer ${process.env.GATEWAY_TOKEN}` } });
    if (statusCode !== 200) {
      await body.dump();
      throw new Error(`gateway returned ${statusCode}`);
    }
    const page = (await body.json()) as { readings: Reading[]; next?: string };

    const queries = page.readings.map(r => ({
      query: INSERT,
      params: [r.deviceId, r.ts.slice(0, 10), new Date(r.ts), r.metric, r.value],
    }));
    for (let i = 0; i < queries.length; i += 50) {
      await client.batch(queries.slice(i, i + 50), { prepare: true, logged: false });
    }
    cursor = page.next ?? cursor;
  };
}
