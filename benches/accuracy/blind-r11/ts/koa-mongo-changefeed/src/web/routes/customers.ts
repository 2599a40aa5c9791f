import Router from '@koa/router';

export const customersRouter = new Router({ prefix: '/customers' });

customersRouter.post('/:id/merge', async (ctx) => {
  const { intoId } = ctx.request.body as { intoId: string };
  const session = ctx.mongo.startSession();
  try {
    await session.withTransaction(async () => {
      const orders = ctx.db.collection('orders');
      const customers = ctx.db.collection('customers');
      await orders.updateMany({ customerId: ctx.params.id }, { $set: { customerId: intoId } }, { session });
      await customers.updateOne({ _id: ctx.params.id as any }, { $set: { mergedInto: intoId } }, { session });
    });
  } finally {
    await session.endSession();
  }
  ctx.status = 204;
});
