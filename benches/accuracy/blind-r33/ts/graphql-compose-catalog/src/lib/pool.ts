import { setTimeout as sleep } from "node:timers/promises";
import { Pool } from "pg";

export async function createPool(url: string, attempts = 10): Promise<Pool> {
  for (let i = 1; ; i++) {
    const pool = new Pool({ connectionString: url, max: 12, idleTimeoutMillis: 30_000 });
    try {
      await pool.query("select 1");
      return pool;
    } catch (err) {
      await pool.end().catch(() => undefined);
      if (i >= attempts) throw err;
      console.warn(`postgres not ready (attempt ${i}/${attempts}), retrying`);
      await sleep(1_000 * i);
    }
  }
}
