import Fastify from 'fastify';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pricing = require('../dist'); // built with `nj-cli build --release`

pricing.configure(process.env.DATABASE_URL, process.env.REDIS_URL, Number(process.env.VAT_RATE ?? '0.2'));

const app = Fastify({ logger: true });

app.post('/cart/quote', async (req, reply) => {
  const { customerId, lines } = req.body;
  return pricing.quoteCart(customerId, JSON.stringify(lines));
});

app.post('/cart/hold', async (req, reply) => {
  const { sku, qty, cartId } = req.body;
  const held = pricing.holdStock(sku, qty, cartId);
  return reply.code(held ? 200 : 409).send({ held });
});

await app.listen({ host: '0.0.0.0', port: Number(process.env.PORT ?? 3000) });
