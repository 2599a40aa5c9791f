import { Client } from '@elastic/elasticsearch';
import type { RowDataPacket } from 'mysql2/promise';
import type { Resolvers } from '../.mesh';
import { pool } from './db';
import { warehousePool } from './warehouse';

type ProductDoc = { sku: string; title: string };

export const resolvers: Resolvers = {
  Product: {
    stockLevel: {
      selectionSet: /* GraphQL */ `{ sku }`,
      resolve: async (root) => {
        const wms = warehousePool();
        const [rows] = await wms.query<RowDataPacket[]>(
          'SELECT COALESCE(SUM(on_hand), 0) AS qty FROM bins WHERE sku = ?',
          [root.sku],
        );
        return Number(rows[0].qty);
      },
    },
    similar: {
      selectionSet: /* GraphQL */ `{ sku }`,
      resolve: async (root, args) => {
        const es = new Client({
          node: process.env.ES_URL,
          auth: { apiKey: process.env.ES_API_KEY as string },
        });
        const res = await es.search<ProductDoc>({
          index: 'products',
          size: args.first ?? 5,
          query: {
            more_like_this: {
              fields: ['title', 'description'],
              like: [{ _index: 'products', _id: root.sku }],
              min_term_freq: 1,
            },
          },
        });
        return res.hits.hits.map((h) => h._source as ProductDoc);
      },
    },
  },
  Query: {
    productsBySupplier: async (_root, { supplierId }) => {
      const [rows] = await pool.query<RowDataPacket[]>(
        'SELECT sku FROM supplier_products WHERE supplier_id = ? ORDER BY sku',
        [supplierId],
      );
      return rows.map((r) => r.sku as string);
    },
  },
  Mutation: {
    reserveStock: async (_root, { sku, qty, orderId }) => {
      const conn = await pool.getConnection();
      await conn.beginTransaction();
      const [rows] = await conn.query<RowDataPacket[]>(
        'SELECT available FROM stock WHERE sku = ? FOR UPDATE',
        [sku],
      );
      if (!rows.length || rows[0].available < qty) {
        await conn.rollback();
        conn.release();
        return { ok: false, reason: 'INSUFFICIENT_STOCK' };
      }
      await conn.query('UPDATE stock SET available = available - ? WHERE sku = ?', [qty, sku]);
      await conn.query(
        'INSERT INTO reservations (order_id, sku, qty, created_at) VALUES (?, ?, ?, NOW())',
        [orderId, sku, qty],
      );
      await conn.commit();
      conn.release();
      return { ok: true, reason: null };
    },
  },
};
