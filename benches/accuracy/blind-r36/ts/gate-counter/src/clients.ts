import { Pool } from "pg";
import { Redis } from "ioredis";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The Pi often boots before the site VPN is up: keep trying until Postgres answers.
export async function connectPool(url: string, attempts = 20): Promise<Pool> {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const pool = new Pool({ connectionString: url, max: 3, connectionTimeoutMillis: 5_000 });
    try {
      await pool.query("SELECT 1");
      console.log(`postgres reachable after ${attempt} attempt(s)`);
      return pool;
    } catch (err) {
      await pool.end().catch(() => undefined);
      console.warn(`postgres not reachable (attempt ${attempt}/${attempts}): ${(err as Error).message}`);
      await sleep(Math.min(1_000 * attempt, 15_000));
    }
  }
  throw new Error("postgres unreachable, giving up");
}

export function createRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true });
}
