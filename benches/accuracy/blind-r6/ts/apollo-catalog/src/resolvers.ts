import mysql, { RowDataPacket } from 'mysql2/promise';
import { GraphQLError } from 'graphql';
import { pool } from './db.js';

interface Ctx {
  userId: string | null;
}

interface ProductRow extends RowDataPacket {
  id: number;
  sku: string;
  title: string;
  priceCents: number;
  stock: number;
}

const PRODUCT_COLUMNS = 'id, sku, title, price_cents as priceCents, stock';

export const resolvers = {
  Query: {
    products: async (_: unknown, args: { search?: string; limit: number }) => {
      const [rows] = await pool.query<ProductRow[]>(
        `select ${PRODUCT_COLUMNS} from products where (:search is null or title like :like) order by title limit :limit`,
        { search: args.search ?? null, like: `%${args.search ?? ''}%`, limit: Math.min(args.limit, 100) },
      );
      return rows;
    },

    product: async (_: unknown, { id }: { id: string }) => {
      const [rows] = await pool.execute<ProductRow[]>(`select ${PRODUCT_COLUMNS} from products where id = :id`, { id });
      return rows[0] ?? null;
    },

    productStats: async (_: unknown, { id }: { id: string }) => {
      // stats live in the analytics warehouse (separate MySQL host)
      const conn = await mysql.createConnection(process.env.ANALYTICS_DATABASE_URL!);
      try {
        const [rows] = await conn.execute<RowDataPacket[]>(
          'select views_30d as views30d, orders_30d as orders30d from product_daily_rollup where product_id = ?',
          [id],
        );
        const row = rows[0];
        if (!row) return null;
        return {
          productId: id,
          views30d: row.views30d,
          orders30d: row.orders30d,
          conversion: row.views30d ? row.orders30d / row.views30d : 0,
        };
      } finally {
        await conn.end();
      }
    },
  },

  Mutation: {
    adjustStock: async (_: unknown, args: { id: string; delta: number; note?: string }, ctx: Ctx) => {
      if (!ctx.userId) {
        throw new GraphQLError('not authenticated', { extensions: { code: 'UNAUTHENTICATED' } });
      }

      const conn = await pool.getConnection();
      await conn.beginTransaction();
      const [rows] = await conn.execute<ProductRow[]>(
        `select ${PRODUCT_COLUMNS} from products where id = :id for update`,
        { id: args.id },
      );
      const product = rows[0];
      if (!product || product.stock + args.delta < 0) {
        await conn.rollback();
        throw new GraphQLError('invalid stock adjustment', { extensions: { code: 'BAD_USER_INPUT' } });
      }
      await conn.execute('update products set stock = stock + :delta where id = :id', args);
      await conn.execute(
        'insert into stock_log (product_id, delta, note, user_id) values (:id, :delta, :note, :userId)',
        { ...args, note: args.note ?? null, userId: ctx.userId },
      );
      await conn.commit();
      conn.release();
      return { ...product, stock: product.stock + args.delta };
    },
  },
};
