import pg from "pg";

// Shared pool for the whole MCP server process (stdio transport: one process per host session).
export const pool = new pg.Pool({
  connectionString: process.env.WAREHOUSE_DATABASE_URL,
  max: 4,
  idleTimeoutMillis: 30_000,
});

export const pgConfig = {
  connectionString: process.env.WAREHOUSE_DATABASE_URL,
  statement_timeout: 5_000,
};
