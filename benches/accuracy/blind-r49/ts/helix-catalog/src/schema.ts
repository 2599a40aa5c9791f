import { makeExecutableSchema } from "@graphql-tools/schema";
import type { MongoClient } from "mongodb";
import { pricing } from "./stores.js";

export interface Ctx {
  catalog: MongoClient;
  currency: string;
}

const typeDefs = /* GraphQL */ `
  type Product { sku: ID!, name: String!, priceCents: Int }
  type Query { product(sku: ID!): Product, search(q: String!): [Product!]! }
  type Mutation { reprice(sku: ID!, priceCents: Int!): Product }
`;

export const schema = makeExecutableSchema<Ctx>({
  typeDefs,
  resolvers: {
    Query: {
      product: (_: unknown, { sku }: { sku: string }, ctx: Ctx) =>
        ctx.catalog.db("catalog").collection("products").findOne({ sku }),
      search: (_: unknown, { q }: { q: string }, ctx: Ctx) =>
        ctx.catalog.db("catalog").collection("products")
          .find({ $text: { $search: q } }).limit(25).toArray(),
    },
    Product: {
      priceCents: async (p: { sku: string }, _: unknown, ctx: Ctx) => {
        const { rows } = await pricing.query(
          "SELECT amount_cents FROM price WHERE sku = $1 AND currency = $2",
          [p.sku, ctx.currency],
        );
        return rows[0]?.amount_cents ?? null;
      },
    },
    Mutation: {
      reprice: async (_: unknown, a: { sku: string; priceCents: number }, ctx: Ctx) => {
        const client = await pricing.connect();
        await client.query("BEGIN");
        const res = await client.query(
          "UPDATE price SET amount_cents = $2 WHERE sku = $1 AND currency = $3 RETURNING sku",
          [a.sku, a.priceCents, ctx.currency],
        );
        if (res.rowCount === 0) {
          await client.query("ROLLBACK");
          throw new Error(`unknown sku ${a.sku}`);
        }
        await client.query("COMMIT");
        client.release();
        return ctx.catalog.db("catalog").collection("products").findOne({ sku: a.sku });
      },
    },
  },
});
