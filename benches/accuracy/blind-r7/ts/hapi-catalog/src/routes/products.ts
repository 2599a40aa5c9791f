import type { Plugin, Request } from '@hapi/hapi';
import Boom from '@hapi/boom';
import { withTransaction } from '../plugins/db.js';

interface PricePatch {
  priceCents: number;
  reason: string;
}

export const productRoutes: Plugin<void> = {
  name: 'product-routes',
  dependencies: ['catalog-db'],
  register: (server) => {
    server.route([
      {
        method: 'GET',
        path: '/products',
        handler: async (request: Request) => {
          const limit = Math.min(Number(request.query.limit ?? 20), 100);
          const { rows } = await request.server.app.pg.query(
            'SELECT id, sku, title, price_cents FROM products ORDER BY id LIMIT $1',
            [limit],
          );
          return rows;
        },
      },
      {
        method: 'GET',
        path: '/products/{id}',
        handler: async (request: Request) => {
          const client = await request.server.app.pg.connect();
          try {
            const { rows } = await client.query('SELECT * FROM products WHERE id = $1', [request.params.id]);
            if (rows.length === 0) throw Boom.notFound();
            const variants = await client.query('SELECT * FROM variants WHERE product_id = $1', [request.params.id]);
            return { ...rows[0], variants: variants.rows };
          } finally {
            client.release();
          }
        },
      },
      {
        method: 'PATCH',
        path: '/products/{id}/price',
        handler: async (request: Request, h) => {
          const { priceCents, reason } = request.payload as PricePatch;
          const updated = await withTransaction(request.server.app.pg, async (client) => {
            const res = await client.query(
              'UPDATE products SET price_cents = $2 WHERE id = $1 RETURNING id, price_cents',
              [request.params.id, priceCents],
            );
            if (res.rowCount === 0) throw Boom.notFound();
            await client.query(
              'INSERT INTO price_history (product_id, price_cents, reason) VALUES ($1, $2, $3)',
              [request.params.id, priceCents, reason],
            );
            return res.rows[0];
          });
          return h.response(updated).code(200);
        },
      },
    ]);
  },
};
