import { parentPort } from 'node:worker_threads';
import pg from 'pg';

const pool = new pg.Pool({
  connectionString: process.env.METRICS_DATABASE_URL,
  max: 4,
  idleTimeoutMillis: 10_000,
});

async function rollup() {
  const { rows } = await pool.query(
    `INSERT INTO metrics_rollup_1m (bucket, series_id, min_v, max_v, avg_v, n)
     SELECT date_trunc('minute', ts), series_id, min(v), max(v), avg(v), count(*)
       FROM metrics_raw
      WHERE ts >= now() - interval '2 minutes' AND ts < date_trunc('minute', now())
      GROUP BY 1, 2
     ON CONFLICT (bucket, series_id) DO UPDATE
        SET min_v = EXCLUDED.min_v, max_v = EXCLUDED.max_v, avg_v = EXCLUDED.avg_v, n = EXCLUDED.n
     RETURNING series_id`,
  );

  await pool.query(`DELETE FROM metrics_raw WHERE ts < now() - interval '3 days'`);
  return rows.length;
}

rollup()
  .then((count) => {
    if (parentPort) {
      parentPort.postMessage(`rolled up ${count} series`);
      parentPort.postMessage('done');
    } else {
      process.exit(0);
    }
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
