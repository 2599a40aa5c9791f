import { Pool } from "pg";
import { setTimeout as sleep } from "node:timers/promises";
import { copyTable } from "../copy";
import { closeSnowflake, openSnowflake } from "../snow";

// Long-running: `snowmirror watch --every 15`. Connections are opened once,
// before the loop; each iteration only runs queries on them.
export async function watchCommand(opts: { every: number; tables: string }): Promise<void> {
  const tables = opts.tables.split(",").map((t) => t.trim()).filter(Boolean);
  const snow = await openSnowflake(true);
  const pool = new Pool({ connectionString: process.env.REPORTING_DATABASE_URL, max: 3 });

  let stopping = false;
  process.once("SIGINT", () => (stopping = true));
  process.once("SIGTERM", () => (stopping = true));

  try {
    while (!stopping) {
      for (const table of tables) {
        const { rows } = await pool.query<{ since: string }>(
          "SELECT COALESCE(max(copied_until), '1970-01-01')::text AS since FROM reporting.mirror_state WHERE table_name = $1",
          [table],
        );
        const n = await copyTable(snow, pool, table, rows[0].since);
        await pool.query(
          "INSERT INTO reporting.mirror_state (table_name, copied_until) VALUES ($1, now()) ON CONFLICT (table_name) DO UPDATE SET copied_until = now()",
          [table],
        );
        console.log(`[${new Date().toISOString()}] ${table}: ${n} rows`);
      }
      await sleep(opts.every * 60_000);
    }
  } finally {
    await pool.end();
    await closeSnowflake(snow);
  }
}
