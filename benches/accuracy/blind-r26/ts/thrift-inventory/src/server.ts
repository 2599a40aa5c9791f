import thrift from 'thrift';
import { inventoryHandler } from './handler';
import { catalog } from './catalog';
import { pool } from './db';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const Inventory = require('../gen-nodejs/Inventory');

const port = Number(process.env.THRIFT_PORT ?? 9090);

async function main(): Promise<void> {
  await catalog.connect();

  const server = thrift.createServer(Inventory, inventoryHandler, {
    transport: thrift.TFramedTransport,
    protocol: thrift.TBinaryProtocol,
  });

  server.on('error', (err: Error) => console.error('thrift server error', err));
  server.listen(port);
  console.log(`inventory thrift service on :${port}`);

  const shutdown = async () => {
    server.close();
    await Promise.allSettled([pool.end(), catalog.shutdown()]);
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
