// One-off: re-queue every return that was approved before the label worker existed.
// Run once with `npm run backfill`, then the process exits.
import { Redis } from 'ioredis';
import { createPool } from '../src/shared/db';

async function backfill() {
  const pool = createPool('backfill');
  const redis = new Redis(process.env.RETURNS_REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    const { rows } = await pool.query(
      `SELECT rma FROM returns WHERE status = 'approved' AND label_url IS NULL ORDER BY created_at`,
    );
    for (const { rma } of rows) {
      await redis.lpush('labels:pending', rma);
    }
    console.log(`queued ${rows.length} returns`);
  } finally {
    await pool.end();
    redis.disconnect();
  }
}

backfill().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
