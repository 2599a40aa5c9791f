import Fastify, { FastifyInstance } from 'fastify';
import postgres from './plugins/postgres.js';
import redis from './plugins/redis.js';
import tenancy from './plugins/tenancy.js';
import orderRoutes from './routes/orders.js';

export async function buildApp(): Promise<FastifyInstance> {
  const app = Fastify({ logger: true });
  await app.register(postgres, { connectionString: process.env.DATABASE_URL! });
  await app.register(redis, { url: process.env.REDIS_URL ?? 'redis://localhost:6379' });
  await app.register(tenancy);
  await app.register(orderRoutes, { prefix: '/v1' });
  app.get('/healthz', async () => ({ ok: true }));
  return app;
}
