import type { Action } from '@copilotkit/shared';

import { pool, searchFor } from './clients.js';

// Called by the runtime for every chat request, with the properties the
// frontend passed to <CopilotKit properties={{ workspace }} />.
export function buildActions({ properties }: { properties: Record<string, unknown> }): Action<any>[] {
  const workspace = String(properties.workspace ?? 'emea');

  return [
    {
      name: 'findOrders',
      description: 'Full-text search over orders in the current workspace',
      parameters: [{ name: 'query', type: 'string', description: 'what to look for', required: true }],
      handler: async ({ query }: { query: string }) => {
        const { client, index } = searchFor(workspace);
        const res = await client.index(index).search(query, { limit: 10 });
        return res.hits.map((h) => ({ id: h.id, reference: h.reference, customer: h.customer }));
      },
    },
    {
      name: 'holdOrder',
      description: 'Put an order on hold with a reason',
      parameters: [
        { name: 'orderId', type: 'number', description: 'order id', required: true },
        { name: 'reason', type: 'string', description: 'why it is held', required: true },
      ],
      handler: async ({ orderId, reason }: { orderId: number; reason: string }) => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const { rowCount } = await client.query(
            "UPDATE orders SET status = 'on_hold' WHERE id = $1 AND workspace = $2 AND status <> 'shipped'",
            [orderId, workspace],
          );
          if (!rowCount) {
            await client.query('ROLLBACK');
            return `order ${orderId} cannot be held`;
          }
          await client.query('INSERT INTO order_notes (order_id, body) VALUES ($1, $2)', [orderId, `hold: ${reason}`]);
          await client.query('COMMIT');
          return `order ${orderId} is on hold`;
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        } finally {
          client.release();
        }
      },
    },
  ];
}
