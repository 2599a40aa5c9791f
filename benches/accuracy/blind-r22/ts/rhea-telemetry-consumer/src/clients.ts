import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { Pool as HttpPool } from "undici";

export async function connectPostgres(maxAttempts = 10): Promise<pg.Pool> {
  for (let attempt = 1; ; attempt++) {
    const pool = new pg.Pool({
      connectionString: process.env.DATABASE_URL,
      max: 10,
      idleTimeoutMillis: 30_000,
      application_name: "telemetry-consumer",
    });
    try {
      await pool.query("SELECT 1");
      pool.on("error", (err) => console.error("idle client error", err));
      return pool;
    } catch (err) {
      await pool.end().catch(() => undefined);
      if (attempt >= maxAttempts) throw err;
      const delay = Math.min(30_000, 500 * 2 ** attempt);
      console.warn(`postgres not ready (attempt ${attempt}), retrying in ${delay}ms`);
      await sleep(delay);
    }
  }
}

export function createAlertingClient(): HttpPool {
  return new HttpPool(process.env.ALERTING_URL ?? "https://alerts.internal", {
    connections: 8,
    pipelining: 1,
    keepAliveTimeout: 30_000,
  });
}
