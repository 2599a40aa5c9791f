import Router from '@koa/router';
import { ObjectId } from 'mongodb';

export const ordersRouter = new Router({ prefix: '/orders' });

ordersRouter.get('/:id', async (ctx) => {
  if (!ObjectId.isValid(ctx.params.id)) ctx.throw(400, 'bad id');
  const order = await ctx.db.collection('orders').findOne({ _id: new ObjectId(ctx.params.id) });
  if (!order) ctx.throw(404);
  ctx.body = order;
});

ordersRouter.post('/', async (ctx) => {
  const { customerId, lines } = ctx.request.body as { customerId: string; lines: { sku: string; qty: number; price: number }[] };
  const { insertedId } = await ctx.db.collection('orders').insertOne({
    customerId,
    lines,
    status: 'new',
    createdAt: new Date(),
  });
  ctx.status = 201;
  ctx.body = { id: insertedId };
});
