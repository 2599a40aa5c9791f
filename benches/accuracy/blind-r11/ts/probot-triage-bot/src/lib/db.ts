import { Pool } from 'pg';

// Main application pool, shared by every handler in the process.
export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 30_000,
});

export function makeReportingPool(): Pool {
  return new Pool({
    connectionString: process.env.REPORTING_DATABASE_URL,
    max: 5,
    application_name: 'triage-bot-reporting',
  });
}
