import Redis from "ioredis";
import pg from "pg";
import { setTimeout as sleep } from "node:timers/promises";

// Called once from main. Postgres may still be starting when the container comes up,
// so try a few times before giving up.
export async function connectPostgres(maxAttempts = 10): Promise<pg.Pool> {
  for (let attempt = 1; ; attempt++) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 15 });
    try {
      await pool.query("select 1");
      return pool;
    } catch (err) {
      await pool.end().catch(() => {});
      if (attempt >= maxAttempts) throw err;
      console.warn(`postgres not ready (attempt ${attempt}/${maxAttempts}), retrying`);
      await sleep(Math.min(1000 * 2 ** attempt, 15_000));
    }
  }
}

// Called once from main: one connection for commands/publishing, one dedicated to SUBSCRIBE.
export function makeRedisPair() {
  const url = process.env.REDIS_URL ?? "redis://localhost:6379";
  const publisher = new Redis(url);
  const subscriber = new Redis(url);
  return { publisher, subscriber };
}
