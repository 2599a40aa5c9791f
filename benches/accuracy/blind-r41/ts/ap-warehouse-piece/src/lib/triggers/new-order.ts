import { createTrigger, TriggerStrategy } from '@activepieces/pieces-framework';
import { warehouseAuth, WarehouseAuth } from '../auth';
import { getPool } from '../common';

const LAST_ID_KEY = 'warehouse_last_order_id';

export const newOrder = createTrigger({
  auth: warehouseAuth,
  name: 'new_order',
  displayName: 'New order',
  description: 'Fires for every order inserted since the last poll.',
  props: {},
  sampleData: { id: 1042, email: 'jane@example.com', total_cents: 12900, currency: 'EUR' },
  type: TriggerStrategy.POLLING,
  async onEnable(context) {
    const { rows } = await getPool(context.auth as WarehouseAuth).query(
      'SELECT COALESCE(max(id), 0) AS last_id FROM orders',
    );
    await context.store.put(LAST_ID_KEY, Number(rows[0].last_id));
  },
  async onDisable(context) {
    await context.store.delete(LAST_ID_KEY);
  },
  async run(context) {
    const lastId = (await context.store.get<number>(LAST_ID_KEY)) ?? 0;
    const { rows } = await getPool(context.auth as WarehouseAuth).query(
      `SELECT o.id, c.email, o.total_cents, o.currency
         FROM orders o JOIN customers c ON c.id = o.customer_id
        WHERE o.id > $1 ORDER BY o.id LIMIT 100`,
      [lastId],
    );
    if (rows.length > 0) {
      await context.store.put(LAST_ID_KEY, rows[rows.length - 1].id);
    }
    return rows;
  },
  async test(context) {
    const { rows } = await getPool(context.auth as WarehouseAuth).query(
      `SELECT o.id, c.email, o.total_cents, o.currency
         FROM orders o JOIN customers c ON c.id = o.customer_id
        ORDER BY o.id DESC LIMIT 5`,
    );
    return rows;
  },
});
