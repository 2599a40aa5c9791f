import pg from "pg";

// Shared helpers for the ledger/archive workers.
export const pool = new pg.Pool({
  connectionString: process.env.LEDGER_DATABASE_URL,
  max: 8,
});

export function cents(n: number | string): string {
  return (Number(n) / 100).toFixed(2);
}
