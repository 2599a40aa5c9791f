import path from 'node:path';
import Mali from 'mali';
import { createPool, waitForDatabase } from './db';
import { makeHandlers } from './handlers';
import { closeWarehouseClients } from './warehouses';

const PROTO = path.resolve(__dirname, '../proto/inventory.proto');

async function main() {
  const pool = createPool(process.env.INVENTORY_DB_URL ?? 'mysql://inventory:inventory@localhost:3306/inventory');
  await waitForDatabase(pool);

  const app = new Mali(PROTO, 'Inventory', { defaults: true, keepCase: true });

  app.use(async (ctx: any, next: () => Promise<void>) => {
    const started = Date.now();
    try {
      await next();
    } finally {
      console.log(`${ctx.name} ${Date.now() - started}ms`);
    }
  });
  app.use(makeHandlers(pool));

  app.on('error', (err: Error, ctx: any) => console.error(`rpc ${ctx?.name} failed`, err));

  await app.start(process.env.GRPC_ADDR ?? '0.0.0.0:50051');
  console.log('inventory gRPC service listening');

  const shutdown = async () => {
    await app.close();
    await closeWarehouseClients();
    await pool.end();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
