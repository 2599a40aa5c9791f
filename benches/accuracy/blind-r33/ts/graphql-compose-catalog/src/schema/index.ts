import { schemaComposer } from "graphql-compose";
import type { Ctx } from "./context";

const ProductTC = schemaComposer.createObjectTC({
  name: "Product",
  fields: {
    sku: "String!",
    title: "String!",
    priceCents: "Int!",
    stock: "Int",
  },
});

ProductTC.addFields({
  stock: {
    type: "Int",
    resolve: async (product: { sku: string }, _args: unknown, ctx: Ctx) => {
      const { rows } = await ctx.pool.query(
        "select sum(qty)::int as qty from stock where tenant = $1 and sku = $2",
        [ctx.tenant, product.sku],
      );
      return rows[0]?.qty ?? 0;
    },
  },
});

schemaComposer.Query.addFields({
  product: {
    type: ProductTC,
    args: { sku: "String!" },
    resolve: async (_src: unknown, { sku }: { sku: string }, ctx: Ctx) => {
      const { rows } = await ctx.pool.query(
        "select sku, title, price_cents as \"priceCents\" from products where tenant = $1 and sku = $2",
        [ctx.tenant, sku],
      );
      return rows[0] ?? null;
    },
  },
  searchProducts: {
    type: [ProductTC],
    args: { q: "String!", limit: { type: "Int", defaultValue: 20 } },
    resolve: async (_src: unknown, { q, limit }: { q: string; limit: number }, ctx: Ctx) => {
      const res = await ctx.search.search<{ sku: string; title: string; priceCents: number }>({
        index: `products-${ctx.tenant}`,
        size: limit,
        query: { multi_match: { query: q, fields: ["title^3", "description"] } },
      });
      return res.hits.hits.map((h) => h._source);
    },
  },
});

schemaComposer.Mutation.addFields({
  adjustStock: {
    type: "Int",
    args: { sku: "String!", delta: "Int!", reason: "String" },
    resolve: async (_src: unknown, args: { sku: string; delta: number; reason?: string }, ctx: Ctx) => {
      const client = await ctx.pool.connect();
      try {
        await client.query("BEGIN");
        await client.query(
          "insert into stock_moves (tenant, sku, delta, reason) values ($1, $2, $3, $4)",
          [ctx.tenant, args.sku, args.delta, args.reason ?? null],
        );
        const { rows } = await client.query(
          "update stock set qty = qty + $3 where tenant = $1 and sku = $2 returning qty",
          [ctx.tenant, args.sku, args.delta],
        );
        await client.query("COMMIT");
        return rows[0]?.qty ?? null;
      } catch (err) {
        await client.query("ROLLBACK");
        throw err;
      } finally {
        client.release();
      }
    },
  },
});

export const schema = schemaComposer.buildSchema();
