import type { CollectionAfterChangeHook } from 'payload';
import { warehousePool } from '../lib/warehouse';

export const syncOrderToWarehouse: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create' && doc.status !== 'shipped') return doc;

  const client = await warehousePool.connect();
  await client.query(
    `INSERT INTO shipments (order_id, status, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, updated_at = now()`,
    [doc.id, doc.status],
  );
  if (doc.status === 'shipped') {
    const { rows } = await client.query('SELECT carrier, tracking FROM labels WHERE order_id = $1', [doc.id]);
    if (rows.length === 0) {
      req.payload.logger.warn(`order ${doc.id} shipped without a label`);
      return doc;
    }
  }
  client.release();
  return doc;
};

export const stampStock: CollectionAfterChangeHook = async ({ doc }) => {
  const { rows } = await warehousePool.query('SELECT on_hand FROM stock WHERE sku = $1', [doc.sku]);
  return { ...doc, onHand: rows[0]?.on_hand ?? 0 };
};
