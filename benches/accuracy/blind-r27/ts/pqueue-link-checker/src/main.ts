import { setTimeout as sleep } from 'node:timers/promises';
import PQueue from 'p-queue';
import pg from 'pg';
import { checkLink, type LinkRow } from './check.js';
import { closeAll } from './origins.js';

const BATCH = 200;
const IDLE_SLEEP_MS = 60_000;

async function waitForDatabase(pool: pg.Pool): Promise<void> {
  for (let attempt = 1; attempt <= 15; attempt++) {
    try {
      await pool.query('SELECT 1');
      return;
    } catch (err) {
      console.warn(`database not ready (${attempt}/15): ${(err as Error).message}`);
      await sleep(2_000);
    }
  }
  throw new Error('database never became ready');
}

async function claimBatch(pool: pg.Pool): Promise<LinkRow[]> {
  const { rows } = await pool.query<LinkRow>(
    `UPDATE article_links SET claimed_until = now() + interval '10 minutes'
      WHERE id IN (
        SELECT id FROM article_links
         WHERE (checked_at IS NULL OR checked_at < now() - interval '3 days')
           AND (claimed_until IS NULL OR claimed_until < now())
         ORDER BY checked_at NULLS FIRST
         LIMIT $1
         FOR UPDATE SKIP LOCKED)
      RETURNING id, article_id, url`,
    [BATCH],
  );
  return rows;
}

async function main(): Promise<void> {
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL ?? 'postgres://linkcheck@localhost:5432/helpcenter',
    max: 8,
  });
  await waitForDatabase(pool);

  // At most 24 requests in flight and 40 started per second across all hosts.
  const queue = new PQueue({ concurrency: 24, intervalCap: 40, interval: 1_000 });
  let running = true;
  process.once('SIGTERM', () => {
    running = false;
    queue.clear();
  });

  while (running) {
    const links = await claimBatch(pool);
    if (links.length === 0) {
      await sleep(IDLE_SLEEP_MS);
      continue;
    }

    for (const link of links) {
      void queue.add(() => checkLink(pool, link)).catch((err) => {
        console.error(`link ${link.id} failed to update`, err);
      });
    }
    await queue.onIdle();
    console.log(`checked ${links.length} links`);
  }

  await closeAll();
  await pool.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
