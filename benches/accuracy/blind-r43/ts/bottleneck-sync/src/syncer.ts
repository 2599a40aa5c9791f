import type Bottleneck from 'bottleneck';
import type pg from 'pg';
import type { Pool as HttpPool } from 'undici';

interface Deps {
  pool: pg.Pool;
  http: HttpPool;
  limiter: Bottleneck;
}

interface ChangedProduct {
  sku: string;
  title: string;
  price_cents: number;
  stock: number;
  version: number;
}

export function makeSyncer({ pool, http, limiter }: Deps) {
  async function pushProduct(p: ChangedProduct): Promise<void> {
    const { statusCode, body } = await http.request({
      method: 'PUT',
      path: `/v1/listings/${encodeURIComponent(p.sku)}`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.MARKETPLACE_TOKEN}` },
      body: JSON.stringify({ title: p.title, price: p.price_cents / 100, quantity: p.stock }),
    });
    await body.dump();
    if (statusCode >= 400) throw new Error(`marketplace ${statusCode} for ${p.sku}`);

    const client = await pool.connect();
    try {
      await client.query('UPDATE products SET synced_version = $2, synced_at = now() WHERE sku = $1', [p.sku, p.version]);
    } finally {
      client.release();
    }
  }

  // One pass: claim a batch of changed products and push them through the shared limiter.
  return async function syncOnce(): Promise<number> {
    const { rows } = await pool.query<ChangedProduct>(
      `SELECT sku, title, price_cents, stock, version
         FROM products
        WHERE version > coalesce(synced_version, 0)
        ORDER BY updated_at
        LIMIT 500`,
    );
    const results = await Promise.allSettled(rows.map((p) => limiter.schedule({ id: p.sku }, () => pushProduct(p))));
    for (const r of results) if (r.status === 'rejected') console.warn(r.reason);
    return rows.length;
  };
}
