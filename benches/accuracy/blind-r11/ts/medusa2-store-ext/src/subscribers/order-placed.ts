import type { SubscriberArgs, SubscriberConfig } from '@medusajs/framework';
import { Modules } from '@medusajs/framework/utils';
import { Client } from 'pg';
import { cache } from '../lib/cache';

export default async function orderPlacedHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const orderModule = container.resolve(Modules.ORDER);
  const order = await orderModule.retrieveOrder(data.id, { relations: ['items'] });

  const erp = new Client({ connectionString: process.env.ERP_DATABASE_URL });
  await erp.connect();
  try {
    for (const item of order.items ?? []) {
      await erp.query('INSERT INTO erp_order_lines (order_id, sku, quantity) VALUES ($1, $2, $3)', [
        order.id,
        item.variant_sku,
        item.quantity,
      ]);
    }
  } finally {
    await erp.end();
  }

  await cache.del(`customer-orders:${order.customer_id}`);
}

export const config: SubscriberConfig = {
  event: 'order.placed',
};
