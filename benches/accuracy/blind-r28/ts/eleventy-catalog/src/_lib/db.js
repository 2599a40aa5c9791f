import pg from "pg";

// `eleventy --serve` re-imports config, data files and plugins when they change. The pool
// is parked on globalThis so a reload reuses it instead of opening another one.
const GLOBAL_KEY = Symbol.for("acme.catalog.pgPool");

export function getPool() {
  if (!globalThis[GLOBAL_KEY]) {
    const pool = new pg.Pool({
      connectionString: process.env.CATALOG_DATABASE_URL,
      max: 4,
      idleTimeoutMillis: 30_000,
      application_name: "eleventy-catalog",
    });
    pool.on("error", (err) => console.warn(`[catalog] idle pg client error: ${err.message}`));
    globalThis[GLOBAL_KEY] = pool;
  }
  return globalThis[GLOBAL_KEY];
}

export async function closePool() {
  const pool = globalThis[GLOBAL_KEY];
  if (pool) {
    globalThis[GLOBAL_KEY] = undefined;
    await pool.end();
  }
}

export async function stockLevels(skus) {
  if (skus.length === 0) return new Map();
  const { rows } = await getPool().query(
    "SELECT sku, greatest(on_hand - reserved, 0) AS available FROM stock WHERE sku = ANY($1::text[])",
    [skus],
  );
  return new Map(rows.map((row) => [row.sku, Number(row.available)]));
}
