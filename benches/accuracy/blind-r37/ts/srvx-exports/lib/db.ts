import pg from "pg";

// Each process calls this exactly once at start-up and keeps the pool for its
// whole lifetime.
export function createPool(role: "web" | "worker"): pg.Pool {
  return new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: role === "web" ? 10 : 4,
    application_name: `report-exports:${role}`,
    idleTimeoutMillis: 30_000,
  });
}
