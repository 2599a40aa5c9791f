import pg from 'pg';

export interface PriceRow {
  sku: string;
  title: string;
  priceCents: number;
  currency: string;
  url: string;
}

// Opens a database handle for price writes.
export function openDb(): pg.Pool {
  return new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: 4,
    idleTimeoutMillis: 10_000,
  });
}

export async function upsertPrice(db: pg.Pool, row: PriceRow): Promise<void> {
  await db.query(
    `INSERT INTO prices (sku, title, price_cents, currency, url, seen_at)
     VALUES ($1, $2, $3, $4, $5, now())
     ON CONFLICT (sku) DO UPDATE
       SET price_cents = EXCLUDED.price_cents, title = EXCLUDED.title, seen_at = now()`,
    [row.sku, row.title, row.priceCents, row.currency, row.url],
  );
}
