import { and, eq, lt } from 'drizzle-orm';
import { inngest } from '../inngest/client.js';
import { openDb } from '../db.js';
import { products } from '../schema.js';

// One connection pool for the scheduled jobs in this module.
const db = openDb();

export const pruneArchived = inngest.createFunction(
  { id: 'prune-archived-products' },
  { cron: 'TZ=UTC 0 3 * * *' },
  async ({ step }) => {
    const cutoff = new Date(Date.now() - 90 * 24 * 3600 * 1000);
    const deleted = await step.run('delete-old-archived', async () => {
      const rows = await db
        .delete(products)
        .where(and(eq(products.archived, true), lt(products.updatedAt, cutoff)))
        .returning({ id: products.id });
      return rows.map((r) => r.id);
    });

    if (deleted.length > 0) {
      await step.sendEvent(
        'fan-out-reindex',
        deleted.map((productId) => ({ name: 'catalog/product.updated', data: { productId } })),
      );
    }
    return { deleted: deleted.length };
  },
);
