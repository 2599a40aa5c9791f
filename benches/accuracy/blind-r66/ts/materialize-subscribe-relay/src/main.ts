import pg from 'pg';
import { Redis } from 'ioredis';
import { makeSink, type Diff } from './sink.js';

const MZ_URL = process.env.MZ_URL ?? 'postgres://relay@materialize.internal:6875/materialize';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let stopping = false;

/**
 * Runs one SUBSCRIBE session until it fails or we are asked to stop.
 * The connection is dedicated to the cursor for as long as the session lives.
 */
async function runSession(sink: ReturnType<typeof makeSink>): Promise<void> {
  const mz = new pg.Client({ connectionString: MZ_URL, application_name: 'low-stock-relay' });
  try {
    await mz.connect();
    const since = await sink.frontier();
    await mz.query('BEGIN');
    await mz.query(
      `DECLARE c CURSOR FOR SUBSCRIBE (SELECT sku, warehouse, available FROM low_stock)
       WITH (PROGRESS)${since ? ` AS OF ${BigInt(since) + 1n}` : ''}`,
    );
    while (!stopping) {
      const { rows } = await mz.query("FETCH ALL c WITH (timeout = '1s')");
      const diffs: Diff[] = rows
        .filter((r) => !r.mz_progressed)
        .map((r) => ({ ts: String(r.mz_timestamp), diff: Number(r.mz_diff), sku: r.sku, warehouse: r.warehouse, available: r.available }));
      await sink.write(diffs);
    }
  } finally {
    await mz.end().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
  const sink = makeSink(redis);

  process.on('SIGTERM', () => {
    stopping = true;
  });

  // Long-lived subscription: reconnect with backoff only after the previous
  // session has ended (its connection is closed in runSession's finally).
  let backoff = 1_000;
  while (!stopping) {
    const started = Date.now();
    try {
      await runSession(sink);
    } catch (err) {
      console.error('subscribe session ended:', err);
    }
    if (stopping) break;
    backoff = Date.now() - started > 60_000 ? 1_000 : Math.min(backoff * 2, 30_000);
    await sleep(backoff);
  }

  redis.disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
