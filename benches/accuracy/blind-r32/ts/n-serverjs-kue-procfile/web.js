'use strict';

const server = require('server');
const { get, post } = server.router;
const { json, status } = server.reply;
const { createKnex } = require('./lib/db');
const { createQueue } = require('./lib/queue');

const db = createKnex();
const queue = createQueue();

const routes = [
  get('/health', () => 'ok'),

  get('/orders/:id', async (ctx) => {
    const order = await db('orders').where({ id: ctx.params.id }).first();
    return order ? json(order) : status(404);
  }),

  post('/orders', async (ctx) => {
    const { customerEmail, photoUrl, size } = ctx.data;
    const [order] = await db('orders')
      .insert({ customer_email: customerEmail, photo_url: photoUrl, size, state: 'received' })
      .returning(['id', 'state']);
    queue.create('render-print', { orderId: order.id }).attempts(3).backoff({ type: 'exponential' }).save();
    return status(201).json(order);
  }),
];

server({ port: Number(process.env.PORT || 3000), security: { csrf: false } }, routes).then((ctx) => {
  console.log(`web listening on ${ctx.options.port}`);
  process.on('SIGTERM', () => {
    ctx.server.close(async () => {
      queue.shutdown(2000, () => db.destroy().then(() => process.exit(0)));
    });
  });
});
