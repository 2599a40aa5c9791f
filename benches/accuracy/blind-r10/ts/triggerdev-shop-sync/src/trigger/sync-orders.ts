import { logger, task } from '@trigger.dev/sdk/v3';
import { connect } from '@planetscale/database';
import { Redis } from '@upstash/redis';
import { eq } from 'drizzle-orm';
import { db, orders, shops } from '../db';

const redis = Redis.fromEnv();

interface ShopOrderRow {
  id: number;
  customer_email: string;
  total_cents: number;
  created_at: string;
}

export const syncShopOrders = task({
  id: 'sync-shop-orders',
  queue: { concurrencyLimit: 5 },
  run: async (payload: { shopId: string }) => {
    const [shop] = await db.select().from(shops).where(eq(shops.id, payload.shopId)).limit(1);
    if (!shop) {
      logger.warn('unknown shop', { shopId: payload.shopId });
      return { synced: 0 };
    }

    const since = (await redis.get<string>(`shop:${shop.id}:last-sync`)) ?? '1970-01-01T00:00:00Z';
    const shopDb = connect({ url: shop.databaseUrl });
    const { rows } = await shopDb.execute(
      'SELECT id, customer_email, total_cents, created_at FROM orders WHERE created_at > ? ORDER BY created_at LIMIT 500',
      [since],
    );
    logger.info('fetched shop orders', { shopId: shop.id, count: rows.length });

    for (const row of rows as ShopOrderRow[]) {
      await db
        .insert(orders)
        .values({
          id: row.id,
          shopId: shop.id,
          customerEmail: row.customer_email,
          totalCents: row.total_cents,
          createdAt: new Date(row.created_at),
        })
        .onDuplicateKeyUpdate({ set: { totalCents: row.total_cents } });
    }

    const last = (rows as ShopOrderRow[]).at(-1)?.created_at;
    if (last) {
      await redis.set(`shop:${shop.id}:last-sync`, last);
    }
    return { synced: rows.length };
  },
});
