import { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { createPool } from './shared/db';

// Separate process (Procfile "worker"): owns its own pool and a dedicated
// blocking Redis connection for the reliable queue.
const pool = createPool('worker');
const redis = new Redis(process.env.RETURNS_REDIS_URL ?? 'redis://127.0.0.1:6379');
let stopping = false;

async function waitForDatabase() {
  for (let attempt = 1; attempt <= 20; attempt++) {
    try {
      await pool.query('SELECT 1');
      return;
    } catch {
      console.warn(`database not reachable yet (attempt ${attempt})`);
      await sleep(1_500);
    }
  }
  throw new Error('database never became reachable');
}

async function createLabel(rma: string) {
  const { rows: [ret] } = await pool.query('SELECT order_id FROM returns WHERE rma = $1', [rma]);
  const res = await fetch(`${process.env.CARRIER_API_URL}/labels`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.CARRIER_TOKEN}` },
    body: JSON.stringify({ reference: rma, order: ret.order_id }),
  });
  if (!res.ok) throw new Error(`carrier responded ${res.status}`);
  const { labelUrl } = (await res.json()) as { labelUrl: string };
  await pool.query(`UPDATE returns SET label_url = $2, status = 'label_ready' WHERE rma = $1`, [rma, labelUrl]);
}

async function main() {
  await waitForDatabase();
  while (!stopping) {
    const rma = await redis.blmove('labels:pending', 'labels:processing', 'RIGHT', 'LEFT', 5);
    if (!rma) continue;
    try {
      await createLabel(rma);
      await redis.lrem('labels:processing', 1, rma);
    } catch (err) {
      console.error(`label for ${rma} failed`, err);
      await redis.lmove('labels:processing', 'labels:pending', 'LEFT', 'LEFT');
    }
  }
  await pool.end();
  redis.disconnect();
}

process.once('SIGTERM', () => { stopping = true; });
main().catch((err) => { console.error(err); process.exit(1); });
