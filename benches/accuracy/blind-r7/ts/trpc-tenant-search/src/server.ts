import { createHTTPServer } from '@trpc/server/adapters/standalone';
import { appRouter } from './router.js';
import { createContext } from './context.js';
import { closeClients } from './clients.js';

const { server: httpServer, listen } = createHTTPServer({ router: appRouter, createContext });
listen(Number(process.env.PORT ?? 4010));

process.on('SIGTERM', () => {
  httpServer.close(async () => {
    await closeClients();
    process.exit(0);
  });
});
