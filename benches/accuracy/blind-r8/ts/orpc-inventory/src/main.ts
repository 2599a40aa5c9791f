import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { RPCHandler } from '@orpc/server/node';
import { createDatabase, waitForDatabase } from './db.js';
import { router } from './router.js';

async function main() {
  const { db, pool } = createDatabase(process.env.DATABASE_URL ?? 'mysql://inventory:inventory@localhost:3306/inventory');
  await waitForDatabase(pool);

  const handler = new RPCHandler(router);

  const server = createServer(async (req, res) => {
    const { matched } = await handler.handle(req, res, {
      prefix: '/rpc',
      context: { db, requestId: (req.headers['x-request-id'] as string) ?? randomUUID() },
    });
    if (!matched) {
      res.statusCode = 404;
      res.end('Not found');
    }
  });

  const port = Number(process.env.PORT ?? 4000);
  server.listen(port, () => console.log(`inventory rpc on :${port}/rpc`));

  process.on('SIGTERM', () => {
    server.close(() => void pool.end());
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
