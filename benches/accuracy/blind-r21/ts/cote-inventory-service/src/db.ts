import * as mariadb from "mariadb";

export const dbConfig = {
  host: process.env.DB_HOST ?? "mariadb.internal",
  port: Number(process.env.DB_PORT ?? 3306),
  user: process.env.DB_USER ?? "inventory",
  password: process.env.DB_PASSWORD,
  database: "inventory",
};

// Black Friday: the reserve path was queueing on the pool, so it got bumped.
export const pool = mariadb.createPool({
  ...dbConfig,
  connectionLimit: 120,
  acquireTimeout: 5_000,
  idleTimeout: 60,
});

export async function stockLevel(sku: string): Promise<number> {
  const rows = await pool.query("SELECT available FROM stock WHERE sku = ?", [sku]);
  return rows.length ? Number(rows[0].available) : 0;
}

export async function lowStock(threshold: number): Promise<Array<{ sku: string; available: number }>> {
  const rows = await pool.query(
    "SELECT sku, available FROM stock WHERE available < ? ORDER BY available ASC LIMIT 200",
    [threshold],
  );
  return rows.map((r: { sku: string; available: number }) => ({ sku: r.sku, available: Number(r.available) }));
}
