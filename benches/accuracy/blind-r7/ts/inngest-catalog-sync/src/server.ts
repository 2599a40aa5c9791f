import { createServer } from 'node:http';
import { serve } from 'inngest/node';
import { inngest } from './inngest/client.js';
import { reindexProduct } from './functions/reindex.js';
import { pruneArchived } from './functions/nightly.js';

const handler = serve({ client: inngest, functions: [reindexProduct, pruneArchived] });

const server = createServer((req, res) => {
  if (req.url?.startsWith('/api/inngest')) {
    return handler(req, res);
  }
  res.writeHead(404).end();
});

server.listen(Number(process.env.PORT ?? 3000), () => {
  console.log('catalog-sync serving Inngest functions');
});
