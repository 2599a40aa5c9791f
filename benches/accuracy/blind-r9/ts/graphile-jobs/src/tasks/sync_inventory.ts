import type { Task } from 'graphile-worker';
import { fetchStock, makeWarehousePool } from '../lib/warehouse.js';

interface SyncPayload {
  skus: string[];
}

export const sync_inventory: Task = async (payload, helpers) => {
  const { skus } = payload as SyncPayload;
  const warehouse = makeWarehousePool();
  const levels = await fetchStock(warehouse, skus);

  await helpers.withPgClient(async pgClient => {
    for (const level of levels) {
      await pgClient.query(
        'UPDATE products SET stock = $2, stock_synced_at = now() WHERE sku = $1',
        [level.sku, level.on_hand],
      );
    }
  });

  if (levels.length < skus.length) {
    await helpers.addJob('sync_inventory', { skus: skus.filter(s => !levels.some(l => l.sku === s)) }, { runAt: new Date(Date.now() + 60_000) });
  }
};
