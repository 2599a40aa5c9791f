import pg from "pg";
import { createClient, type ClickHouseClient } from "@clickhouse/client";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Start-up only: the line PC often boots before the database VM. Try a few times, discard
 * the pool of every failed attempt, and return the first pool that answers.
 */
export async function connectPostgres(connectionString: string, attempts = 12): Promise<pg.Pool> {
  for (let attempt = 1; ; attempt++) {
    const pool = new pg.Pool({ connectionString, max: 4, application_name: "line-collector" });
    try {
      await pool.query("SELECT 1");
      console.log(`postgres ready after ${attempt} attempt(s)`);
      return pool;
    } catch (err) {
      await pool.end().catch(() => undefined);
      if (attempt >= attempts) {
        throw err;
      }
      const delay = Math.min(30_000, 1_000 * 2 ** (attempt - 1));
      console.warn(`postgres not reachable (${(err as Error).message}); retrying in ${delay} ms`);
      await sleep(delay);
    }
  }
}

export function makeClickHouse(): ClickHouseClient {
  return createClient({
    url: process.env.CLICKHOUSE_URL ?? "http://localhost:8123",
    username: process.env.CLICKHOUSE_USER ?? "default",
    password: process.env.CLICKHOUSE_PASSWORD ?? "",
    database: "plant",
    max_open_connections: 4,
    clickhouse_settings: { async_insert: 1, wait_for_async_insert: 0 },
  });
}
