import { Client } from '@elastic/elasticsearch';
import { eq } from 'drizzle-orm';
import { inngest } from '../inngest/client.js';
import { openDb } from '../db.js';
import { products } from '../schema.js';

export const reindexProduct = inngest.createFunction(
  { id: 'reindex-product', concurrency: { limit: 10 }, retries: 4 },
  { event: 'catalog/product.updated' },
  async ({ event, step }) => {
    const product = await step.run('load-product', async () => {
      const db = openDb();
      return db.query.products.findFirst({ where: eq(products.id, event.data.productId) });
    });

    if (!product) {
      return { skipped: true, reason: 'not found' };
    }

    await step.run('write-search-index', async () => {
      const es = new Client({
        node: process.env.ELASTIC_URL!,
        auth: { apiKey: process.env.ELASTIC_API_KEY! },
      });
      if (product.archived) {
        await es.delete({ index: 'products', id: String(product.id) }, { ignore: [404] });
        return;
      }
      await es.index({
        index: 'products',
        id: String(product.id),
        document: {
          sku: product.sku,
          title: product.title,
          description: product.description,
          price: product.priceCents / 100,
        },
      });
    });

    return { indexed: product.id };
  },
);
