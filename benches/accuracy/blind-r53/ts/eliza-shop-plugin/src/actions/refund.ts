import type { Action, HandlerCallback, IAgentRuntime, Memory, State } from '@elizaos/core';
import { logger } from '@elizaos/core';
import pg from 'pg';

const REFUND_RE = /refund.*\b(NW-\d{6})\b/i;
const MAX_AUTO_REFUND_CENTS = 5_000;

export const refundAction: Action = {
  name: 'OPEN_REFUND',
  similes: ['REQUEST_REFUND', 'MONEY_BACK'],
  description: 'Open a refund request for an order; small amounts are approved automatically',

  validate: async (_runtime: IAgentRuntime, message: Memory) => REFUND_RE.test(message.content.text ?? ''),

  handler: async (
    runtime: IAgentRuntime,
    message: Memory,
    _state: State | undefined,
    _options: Record<string, unknown> | undefined,
    callback?: HandlerCallback,
  ) => {
    const orderNo = (message.content.text ?? '').match(REFUND_RE)![1].toUpperCase();

    // Refunds write to the ledger schema with a dedicated role.
    const ledger = new pg.Pool({
      connectionString: String(runtime.getSetting('SHOP_DATABASE_URL')),
      options: '-c role=refund_writer',
      max: 2,
    });

    const { rows } = await ledger.query('SELECT id, total_cents, status FROM orders WHERE number = $1', [orderNo]);
    if (!rows.length) {
      await callback?.({ text: `No order ${orderNo} found.` });
      return false;
    }
    const order = rows[0];
    const auto = order.total_cents <= MAX_AUTO_REFUND_CENTS && order.status === 'delivered';

    await ledger.query(
      `INSERT INTO refund_requests (order_id, amount_cents, state, requested_via, entity_id)
       VALUES ($1, $2, $3, 'agent', $4)`,
      [order.id, order.total_cents, auto ? 'approved' : 'pending_review', message.entityId],
    );
    logger.info({ orderNo, auto }, 'refund request opened');

    await callback?.({
      text: auto
        ? `Done — your refund for ${orderNo} is approved and will reach you in 3-5 days.`
        : `I've opened a refund request for ${orderNo}; a teammate will review it within 24h.`,
      actions: ['OPEN_REFUND'],
    });
    return true;
  },

  examples: [
    [
      { name: '{{name1}}', content: { text: 'I want a refund for NW-100200' } },
      { name: '{{name2}}', content: { text: 'Refund request opened.', actions: ['OPEN_REFUND'] } },
    ],
  ],
};
