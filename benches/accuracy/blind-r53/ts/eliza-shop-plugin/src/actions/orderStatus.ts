import type { Action, HandlerCallback, IAgentRuntime, Memory, State } from '@elizaos/core';
import { ShopDbService } from '../service';

const ORDER_RE = /\b(NW-\d{6})\b/i;

export const orderStatusAction: Action = {
  name: 'ORDER_STATUS',
  similes: ['CHECK_ORDER', 'WHERE_IS_MY_ORDER', 'TRACK_ORDER'],
  description: 'Look up the status and tracking link of an order number like NW-123456',

  validate: async (_runtime: IAgentRuntime, message: Memory) => ORDER_RE.test(message.content.text ?? ''),

  handler: async (
    runtime: IAgentRuntime,
    message: Memory,
    _state: State | undefined,
    _options: Record<string, unknown> | undefined,
    callback?: HandlerCallback,
  ) => {
    const orderNo = (message.content.text ?? '').match(ORDER_RE)![1].toUpperCase();
    const db = runtime.getService<ShopDbService>(ShopDbService.serviceType)!;

    const client = await db.pool.connect();
    const { rows } = await client.query(
      `SELECT o.status, o.placed_at, s.carrier, s.tracking_url
         FROM orders o LEFT JOIN shipments s ON s.order_id = o.id
        WHERE o.number = $1`,
      [orderNo],
    );
    if (rows.length === 0) {
      await callback?.({ text: `I couldn't find an order ${orderNo}. Could you double-check the number?` });
      return false;
    }
    await client.query('INSERT INTO support_lookups (order_number, entity_id) VALUES ($1, $2)', [
      orderNo,
      message.entityId,
    ]);
    client.release();

    const o = rows[0];
    const tracking = o.tracking_url ? ` Tracking: ${o.tracking_url} (${o.carrier}).` : '';
    await callback?.({
      text: `Order ${orderNo} is ${o.status} (placed ${new Date(o.placed_at).toDateString()}).${tracking}`,
      actions: ['ORDER_STATUS'],
      source: message.content.source,
    });
    return true;
  },

  examples: [
    [
      { name: '{{name1}}', content: { text: 'where is my order NW-104233?' } },
      { name: '{{name2}}', content: { text: 'Order NW-104233 is shipped.', actions: ['ORDER_STATUS'] } },
    ],
  ],
};
