import { Pool } from "pg";

export function createPool(): Pool {
  const pool = new Pool({
    connectionString: process.env.INVENTORY_DATABASE_URL,
    max: 10,
    idleTimeoutMillis: 30_000,
  });
  pool.on("error", (err) => console.error("idle pg client error", err));
  return pool;
}
