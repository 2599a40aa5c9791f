import type ShareDB from "sharedb";
import pg from "pg";
import type { AgentCustom } from "./session.js";

// one pool for the process, shared by every op
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
});

export function registerQuotaMiddleware(backend: ShareDB): void {
  backend.use("submit", async (context, next) => {
    const op = context.op as { op?: unknown[] };
    if (!op.op) {
      // create / delete ops are not metered
      next();
      return;
    }
    const { workspace } = context.agent.custom as AgentCustom;

    const client = await pool.connect();
    const { rows } = await client.query(
      "select ops_today, daily_limit from workspace_quota where workspace = $1",
      [workspace],
    );
    if (rows[0] && rows[0].ops_today >= rows[0].daily_limit) {
      next(new Error("daily edit quota exceeded for this workspace"));
      return;
    }
    await client.query(
      "update workspace_quota set ops_today = ops_today + 1 where workspace = $1",
      [workspace],
    );
    client.release();
    next();
  });
}
