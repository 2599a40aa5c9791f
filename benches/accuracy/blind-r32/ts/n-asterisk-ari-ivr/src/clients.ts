import pg from "pg";
import { Redis } from "ioredis";
import { setTimeout as sleep } from "node:timers/promises";

// Called once from main(). Postgres is often still starting when the PBX box boots,
// so probe it a few times before giving up.
export async function connectPgWithRetry(attempts = 10): Promise<pg.Pool> {
  for (let attempt = 1; ; attempt++) {
    const pool = new pg.Pool({
      connectionString: process.env.IVR_DATABASE_URL,
      max: 6,
      idleTimeoutMillis: 60_000,
    });
    try {
      await pool.query("SELECT 1");
      return pool;
    } catch (err) {
      await pool.end().catch(() => undefined);
      if (attempt >= attempts) throw err;
      console.warn(`postgres not ready (attempt ${attempt}/${attempts}), retrying`);
      await sleep(Math.min(1000 * attempt, 10_000));
    }
  }
}

export function createRedis(): Redis {
  return new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", {
    maxRetriesPerRequest: 2,
  });
}
