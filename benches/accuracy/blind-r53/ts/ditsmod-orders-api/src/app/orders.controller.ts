import { AnyObj, controller, inject, PATH_PARAMS, Res } from '@ditsmod/core';
import { route } from '@ditsmod/routing';
import { AppDb } from './db.js';
import { notFound } from './app.module.js';

@controller()
export class OrdersController {
  constructor(
    private db: AppDb,
    private res: Res,
  ) {}

  @route('GET', 'orders/:id')
  async getOrder(@inject(PATH_PARAMS) params: AnyObj) {
    const order = await this.db.knex('orders').where({ id: Number(params.id) }).first();
    if (!order) {
      this.res.sendJson(notFound('order', params.id), 404);
      return;
    }
    const lines = await this.db.knex('order_lines').where({ order_id: order.id }).orderBy('line_no');
    this.res.sendJson({ ...order, lines });
  }

  @route('POST', 'orders/:id/cancel')
  async cancelOrder(@inject(PATH_PARAMS) params: AnyObj) {
    const id = Number(params.id);
    const trx = await this.db.knex.transaction();
    const order = await trx('orders').where({ id }).forUpdate().first();
    if (!order) {
      this.res.sendJson(notFound('order', id), 404);
      return;
    }
    if (order.status === 'shipped' || order.status === 'cancelled') {
      await trx.rollback();
      this.res.sendJson({ error: 'conflict', detail: `order is ${order.status}` }, 409);
      return;
    }
    await trx('orders').where({ id }).update({ status: 'cancelled', cancelled_at: trx.fn.now() });
    await trx('stock_reservations').where({ order_id: id }).del();
    await trx.commit();
    this.res.sendJson({ id, status: 'cancelled' });
  }
}
