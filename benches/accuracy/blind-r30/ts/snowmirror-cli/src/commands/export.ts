import { Client } from "pg";
import { copyTable } from "../copy";
import { closeSnowflake, openSnowflake } from "../snow";

// One-off: `snowmirror export DAILY_REVENUE --since 2024-01-01`.
// The process exits when the copy is done, so both connections are per invocation.
export async function exportCommand(table: string, opts: { since: string }): Promise<void> {
  const snow = await openSnowflake();
  const pg = new Client({ connectionString: process.env.REPORTING_DATABASE_URL });
  try {
    await pg.connect();
    await pg.query("BEGIN");
    const n = await copyTable(snow, pg, table, opts.since);
    await pg.query("COMMIT");
    console.log(`copied ${n} rows from ${table}`);
  } catch (err) {
    await pg.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    await pg.end();
    await closeSnowflake(snow);
  }
}
