import { createServer } from 'node:net';
import { Aedes } from 'aedes';
import { Redis } from 'ioredis';
import { connectPool } from './db.js';
import { attachPersistence, createBrokerHooks } from './hooks.js';

async function main() {
  const pool = await connectPool();
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/1');
  const deps = { pool, redis };

  const broker = new Aedes({
    id: process.env.BROKER_ID ?? 'edge-broker-1',
    concurrency: 200,
    ...createBrokerHooks(deps),
  });
  attachPersistence(broker, deps);

  const server = createServer(broker.handle);
  server.listen(Number(process.env.MQTT_PORT ?? 1883), () => {
    console.log('MQTT broker listening');
  });

  const shutdown = () => {
    server.close();
    broker.close(async () => {
      await pool.end();
      redis.disconnect();
      process.exit(0);
    });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err) => {
  console.error('broker failed to start', err);
  process.exit(1);
});
