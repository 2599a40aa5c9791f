import { Controller } from 'egg';

interface OrderBody {
  customerId: number;
  lines: { sku: string; qty: number }[];
}

export default class OrderController extends Controller {
  public async create() {
    const { ctx } = this;
    const body = ctx.request.body as OrderBody;
    if (!body?.lines?.length) ctx.throw(400, 'empty order');

    const orderId = await ctx.service.order.place(body.customerId, body.lines);
    ctx.status = 201;
    ctx.body = { orderId };
  }
}
