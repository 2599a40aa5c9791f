import pg from 'pg';

export interface StockLevel {
  sku: string;
  on_hand: number;
}

// The warehouse system exposes a read replica we are allowed to query directly.
export function makeWarehousePool(): pg.Pool {
  return new pg.Pool({
    connectionString: process.env.WAREHOUSE_DB_URL,
    max: 4,
    idleTimeoutMillis: 30_000,
  });
}

export async function fetchStock(pool: pg.Pool, skus: string[]): Promise<StockLevel[]> {
  const { rows } = await pool.query<StockLevel>(
    'SELECT sku, on_hand FROM stock_levels WHERE sku = ANY($1)',
    [skus],
  );
  return rows;
}
