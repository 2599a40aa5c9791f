import pg from "pg";

const { Pool } = pg;

// Shared pool for the whole central system.
export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 30_000,
});

// Meter samples go to the timeseries replica.
export function openMeterStore(): pg.Pool {
  return new Pool({
    connectionString: process.env.METER_DATABASE_URL,
    max: 4,
  });
}
