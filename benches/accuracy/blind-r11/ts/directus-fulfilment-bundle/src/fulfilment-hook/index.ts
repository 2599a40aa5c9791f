import { defineHook } from '@directus/extensions-sdk';
import { getRedis } from '../shared/redis';

export default defineHook(({ action, filter, schedule }, { database, env, logger }) => {
  const redis = getRedis(env.REDIS_URL as string);

  filter('orders.items.create', async (payload: Record<string, unknown>) => {
    if (!payload.reference) payload.reference = `ORD-${Date.now().toString(36).toUpperCase()}`;
    return payload;
  });

  action('orders.items.create', async ({ key, payload }) => {
    await redis.xadd('fulfilment:new', '*', 'order', String(key), 'warehouse', String(payload.warehouse ?? 'main'));
  });

  action('orders.items.update', async ({ keys, payload }) => {
    if (payload.status !== 'shipped') return;
    await database('order_events').insert(
      keys.map((k: string | number) => ({ order: k, kind: 'shipped', created_at: new Date() })),
    );
  });

  schedule('*/10 * * * *', async () => {
    const stale = await database('orders')
      .where('status', 'paid')
      .andWhere('date_updated', '<', database.raw("now() - interval '2 days'"))
      .select('id');
    if (stale.length > 0) {
      logger.warn(`${stale.length} paid orders not shipped after 2 days`);
      await redis.set('fulfilment:stale-count', String(stale.length));
    }
  });
});
