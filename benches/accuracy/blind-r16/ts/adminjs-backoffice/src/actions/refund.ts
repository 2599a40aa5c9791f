import type { ActionOptions } from 'adminjs';
import { sequelize, Order } from '../db.js';
import { paymentsHttp } from '../lib/http.js';

export const refundAction: ActionOptions = {
  actionType: 'record',
  icon: 'DollarSign',
  guard: 'Refund the full amount of this order?',
  component: false,
  isAccessible: ({ currentAdmin }) => currentAdmin?.role === 'finance',
  handler: async (request, response, context) => {
    const { record, currentAdmin } = context;
    if (!record) throw new Error('refund needs a record');

    const t = await sequelize.transaction();
    const order = await Order.findByPk(record.id(), { transaction: t, lock: t.LOCK.UPDATE });
    if (!order || order.status !== 'paid' || !order.paymentIntentId) {
      return {
        record: record.toJSON(currentAdmin),
        notice: { message: 'Only paid orders can be refunded', type: 'error' },
      };
    }

    const payments = paymentsHttp();
    const { statusCode, body } = await payments.request({
      method: 'POST',
      path: '/v1/refunds',
      headers: { 'content-type': 'application/json', 'x-actor': currentAdmin?.email ?? 'admin' },
      body: JSON.stringify({ paymentIntentId: order.paymentIntentId, amount: order.totalCents }),
    });
    const payload = (await body.json()) as { id?: string; error?: string };
    if (statusCode >= 300) {
      await t.rollback();
      return {
        record: record.toJSON(currentAdmin),
        notice: { message: `Refund failed: ${payload.error ?? statusCode}`, type: 'error' },
      };
    }

    await order.update({ status: 'refunded' }, { transaction: t });
    await t.commit();

    record.params.status = 'refunded';
    return {
      record: record.toJSON(currentAdmin),
      notice: { message: `Refund ${payload.id} issued`, type: 'success' },
    };
  },
};
