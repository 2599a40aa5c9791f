import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { pool, redis } from '@db';
import { inventoryService } from './handlers/stock.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const definition = protoLoader.loadSync(path.join(here, '../proto/inventory.proto'), {
  keepCase: true,
  longs: String,
  defaults: true,
});
const proto = grpc.loadPackageDefinition(definition) as any;

const server = new grpc.Server({ 'grpc.max_receive_message_length': 4 * 1024 * 1024 });
server.addService(proto.inventory.v1.Inventory.service, inventoryService);

const addr = `0.0.0.0:${process.env.PORT ?? 50051}`;
server.bindAsync(addr, grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) throw err;
  console.log(`inventory gRPC listening on ${port}`);
});

async function shutdown() {
  server.tryShutdown(async () => {
    await pool.end();
    redis.disconnect();
    process.exit(0);
  });
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
