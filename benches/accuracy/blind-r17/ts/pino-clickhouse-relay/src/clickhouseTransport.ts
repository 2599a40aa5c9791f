import build from 'pino-abstract-transport';
import { createClient } from '@clickhouse/client';

interface Options {
  url: string;
  table: string;
  batchSize?: number;
}

type LogRow = { ts: string; level: number; msg: string; payload: string };

// pino runs this factory once, inside its transport worker thread. The async
// iterator below then receives every log line for the life of the process.
export default async function clickhouseTransport(opts: Options) {
  const ch = createClient({
    url: opts.url,
    username: process.env.CLICKHOUSE_USER ?? 'default',
    password: process.env.CLICKHOUSE_PASSWORD ?? '',
    max_open_connections: 4,
  });
  const batchSize = opts.batchSize ?? 500;
  let batch: LogRow[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await ch.insert({ table: opts.table, values: rows, format: 'JSONEachRow' });
  };

  return build(
    async function (source) {
      for await (const obj of source) {
        const { time, level, msg, ...rest } = obj;
        batch.push({ ts: new Date(time).toISOString(), level, msg: msg ?? '', payload: JSON.stringify(rest) });
        if (batch.length >= batchSize) await flush();
      }
      await flush();
    },
    {
      async close() {
        await flush();
        await ch.close();
      },
    },
  );
}
