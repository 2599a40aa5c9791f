import { Redis } from 'ioredis';
import { createServer } from 'nice-grpc';
import { connectWithRetry } from './db.js';
import { InventoryServiceDefinition } from './gen/inventory.js';
import { makeInventoryService } from './service.js';

async function main() {
  const pool = await connectWithRetry();
  const redis = new Redis(process.env.INVENTORY_REDIS_URL ?? 'redis://127.0.0.1:6379', {
    maxRetriesPerRequest: 2,
  });

  const server = createServer();
  server.add(InventoryServiceDefinition, makeInventoryService({ pool, redis }));

  const address = process.env.GRPC_ADDRESS ?? '0.0.0.0:50051';
  await server.listen(address);
  console.log(`inventory gRPC listening on ${address}`);

  const shutdown = async () => {
    await server.shutdown();
    await pool.end();
    redis.disconnect();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
