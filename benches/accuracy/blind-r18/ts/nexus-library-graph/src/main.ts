import { createServer } from 'node:http';
import { createHandler } from 'graphql-http/lib/use/http';
import { MeiliSearch } from 'meilisearch';
import { connectWithRetry } from './db';
import { buildContext } from './context';
import { schema } from './schema';

async function main() {
  const pool = await connectWithRetry(process.env.DATABASE_URL ?? 'postgres://library@localhost:5432/library');
  const search = new MeiliSearch({
    host: process.env.MEILI_HOST ?? 'http://localhost:7700',
    apiKey: process.env.MEILI_SEARCH_KEY,
  });

  const graphql = createHandler({
    schema,
    context: (req) => buildContext(req, { pool, search }),
  });

  const server = createServer((req, res) => {
    if (req.url?.startsWith('/graphql')) {
      graphql(req, res);
      return;
    }
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    res.writeHead(404).end();
  });

  server.listen(Number(process.env.PORT ?? 4000), () => console.log('library graph ready on :4000/graphql'));

  const stop = () => {
    server.close(async () => {
      await pool.end();
      process.exit(0);
    });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
