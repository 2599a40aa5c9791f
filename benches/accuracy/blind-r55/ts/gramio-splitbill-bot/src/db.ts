import pg from "pg";

export const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL ?? "postgres://splitbill@localhost:5432/splitbill",
  max: 10,
  idleTimeoutMillis: 20_000,
});

pool.on("error", (err) => {
  console.error("idle pg client error", err);
});

export type Db = typeof pool;

export function parseAmount(raw: string): number | null {
  const normalised = raw.replace(",", ".").replace(/[^\d.]/g, "");
  const value = Number.parseFloat(normalised);
  if (!Number.isFinite(value) || value <= 0) return null;
  return Math.round(value * 100);
}

export function formatCents(cents: number, currency = "EUR"): string {
  return new Intl.NumberFormat("de-DE", { style: "currency", currency }).format(cents / 100);
}

export async function pingDatabase(): Promise<boolean> {
  try {
    await pool.query("SELECT 1");
    return true;
  } catch (err) {
    console.error("database ping failed", err);
    return false;
  }
}
