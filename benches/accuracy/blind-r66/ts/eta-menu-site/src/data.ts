import pg from 'pg';
import { Redis } from 'ioredis';

// One pool for the web process.
export const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL ?? 'postgres://bakery@localhost:5432/bakery',
  max: 10,
});

let redis: Redis | undefined;

/** Oven counters are pushed to Redis by the POS; connect on first use and reuse. */
function counters(): Redis {
  if (!redis) {
    redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379', { lazyConnect: false });
  }
  return redis;
}

export async function shopBySlug(slug: string) {
  const { rows } = await pool.query('SELECT id, slug, name, currency FROM shops WHERE slug = $1', [slug]);
  return rows[0] as { id: number; slug: string; name: string; currency: string } | undefined;
}

export async function itemsFor(shopId: number) {
  const { rows } = await pool.query(
    'SELECT sku, name FROM menu_items WHERE shop_id = $1 AND visible ORDER BY position',
    [shopId],
  );
  return rows as { sku: string; name: string }[];
}

export async function stockLeft(shopId: number, sku: string): Promise<number | null> {
  const v = await counters().hget(`stock:${shopId}`, sku);
  return v === null ? null : Number(v);
}

export async function priceOf(shopId: number, sku: string, currency: string): Promise<string> {
  const { rows } = await pool.query(
    `SELECT price_cents FROM prices WHERE shop_id = $1 AND sku = $2 AND valid_from <= now()
     ORDER BY valid_from DESC LIMIT 1`,
    [shopId, sku],
  );
  const cents = rows[0]?.price_cents ?? 0;
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(cents / 100);
}

/** Staff "mark sold out" button: transaction on a pooled client. */
export async function markSoldOut(shopId: number, sku: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE menu_items SET sold_out_at = now() WHERE shop_id = $1 AND sku = $2', [shopId, sku]);
    await client.query('INSERT INTO menu_events (shop_id, sku, kind) VALUES ($1, $2, $3)', [shopId, sku, 'sold_out']);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
  await counters().hset(`stock:${shopId}`, sku, '0');
}

export async function closeData(): Promise<void> {
  await pool.end();
  redis?.disconnect();
}
