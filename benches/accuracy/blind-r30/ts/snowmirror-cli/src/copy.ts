import format from "pg-format";
import type { ClientBase } from "pg";
import type snowflake from "snowflake-sdk";
import { query } from "./snow";

const ALLOWED = new Set(["DAILY_REVENUE", "ACTIVE_CUSTOMERS", "CHURN_COHORTS"]);

// Copies rows newer than `since` from a Snowflake mart into reporting.<table>.
export async function copyTable(
  snow: snowflake.Connection,
  pg: Pick<ClientBase, "query">,
  table: string,
  since: string,
): Promise<number> {
  const upper = table.toUpperCase();
  if (!ALLOWED.has(upper)) throw new Error(`table ${table} is not exportable`);

  const rows = await query(snow, `SELECT * FROM ${upper} WHERE UPDATED_AT > ? ORDER BY UPDATED_AT`, [since]);
  if (rows.length === 0) return 0;

  const cols = Object.keys(rows[0]).map((c) => c.toLowerCase());
  const values = rows.map((r) => Object.values(r));
  await pg.query(
    format(
      "INSERT INTO reporting.%I (%s) VALUES %L ON CONFLICT DO NOTHING",
      upper.toLowerCase(),
      cols.map((c) => format.ident(c)).join(", "),
      values,
    ),
  );
  return rows.length;
}
