import { createHTTPServer } from '@trpc/server/adapters/standalone';
import { appRouter } from './router.js';
import { createContext } from './context.js';

const server = createHTTPServer({
  router: appRouter,
  createContext,
  onError({ path, error }) {
    console.error(`tRPC error on ${path ?? '<root>'}:`, error.message);
  },
});

server.listen(Number(process.env.PORT ?? 4000));
console.log('billing tRPC listening');
