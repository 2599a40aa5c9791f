import express from 'express';
import { shopify } from './shopify.js';
import { prisma } from './db.js';
import { webhookHandlers } from './webhooks/handlers.js';

const app = express();

app.get(shopify.config.auth.path, shopify.auth.begin());
app.get(shopify.config.auth.callbackPath, shopify.auth.callback(), shopify.redirectToShopifyOrAppRoot());
app.post(shopify.config.webhooks.path, shopify.processWebhooks({ webhookHandlers }));

app.use('/api/*', shopify.validateAuthenticatedSession());
app.use(express.json());

// Re-index the whole catalogue for the current shop (button in the embedded admin UI).
app.post('/api/reindex', async (_req, res) => {
  const session = res.locals.shopify.session;
  // Admin GraphQL client: a thin fetch wrapper bound to this session, no socket pool of its own.
  const gql = new shopify.api.clients.Graphql({ session });

  let cursor: string | null = null;
  let count = 0;
  do {
    const response: any = await gql.request(
      `query Products($cursor: String) {
        products(first: 100, after: $cursor, query: "status:active") {
          pageInfo { hasNextPage endCursor }
          nodes { id legacyResourceId title }
        }
      }`,
      { variables: { cursor } },
    );
    const page = response.data.products;
    count += page.nodes.length;
    await prisma.reindexQueue.createMany({
      data: page.nodes.map((n: any) => ({ shop: session.shop, productId: n.legacyResourceId })),
      skipDuplicates: true,
    });
    cursor = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (cursor);

  res.json({ queued: count });
});

const server = app.listen(Number(process.env.PORT ?? 3000), () => console.log('catalog sync up'));

process.on('SIGTERM', () => {
  server.close(async () => {
    await prisma.$disconnect();
    process.exit(0);
  });
});
