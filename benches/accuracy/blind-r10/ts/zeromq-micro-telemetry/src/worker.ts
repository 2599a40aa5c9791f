import { Pull } from 'zeromq';
import type { Pool } from 'pg';
import { request } from 'undici';
import { createPool, type Reading } from './db';

const ALERT_THRESHOLD = Number(process.env.ALERT_THRESHOLD ?? 90);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function connectPool(maxAttempts = 10): Promise<Pool> {
  for (let attempt = 1; ; attempt++) {
    const pool = createPool('worker');
    try {
      await pool.query('SELECT 1');
      return pool;
    } catch (err) {
      await pool.end();
      if (attempt === maxAttempts) throw err;
      console.warn(`database unavailable (attempt ${attempt}): ${(err as Error).message}`);
      await sleep(1_000 * attempt);
    }
  }
}

async function main() {
  const pool = await connectPool();
  const sock = new Pull();
  await sock.bind(process.env.INGEST_BIND ?? 'tcp://0.0.0.0:5555');
  console.log('ingest worker ready');

  for await (const [frame] of sock) {
    const batch = JSON.parse(frame.toString()) as Reading[];

    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      for (const r of batch) {
        await client.query('INSERT INTO readings (device_id, ts, value) VALUES ($1, $2, $3)', [
          r.deviceId,
          r.ts,
          r.value,
        ]);
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      console.error('batch rejected', err);
      continue;
    } finally {
      client.release();
    }

    const alerts = batch.filter((r) => r.value > ALERT_THRESHOLD);
    if (alerts.length > 0 && process.env.ALERT_WEBHOOK) {
      const { body } = await request(process.env.ALERT_WEBHOOK, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ alerts }),
      });
      await body.dump();
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
