import { gql, makeExtendSchemaPlugin } from "graphile-utils";
import type { PoolClient } from "pg";
import { getSearch } from "../search";

interface Ctx {
  pgClient: PoolClient;
  shopperId: string | null;
}

export const SearchPlugin = makeExtendSchemaPlugin(() => ({
  typeDefs: gql`
    type ProductHit {
      id: Int!
      title: String!
      priceCents: Int!
      inStock: Boolean!
    }

    extend type Query {
      searchProducts(q: String!, limit: Int = 20): [ProductHit!]!
    }

    extend type Mutation {
      saveSearch(q: String!): Boolean!
    }
  `,
  resolvers: {
    Query: {
      async searchProducts(_parent, args: { q: string; limit: number }, context: Ctx) {
        const { hits } = await getSearch()
          .index("products")
          .search<{ id: number }>(args.q, { limit: Math.min(args.limit, 50), attributesToRetrieve: ["id"] });
        if (hits.length === 0) return [];

        // pgClient is PostGraphile's per-request client from its shared pool,
        // already inside the transaction with the request's pgSettings.
        const { rows } = await context.pgClient.query(
          `SELECT p.id, p.title, p.price_cents AS "priceCents", (s.quantity > 0) AS "inStock"
             FROM app_public.products p
             JOIN app_public.stock s ON s.product_id = p.id
            WHERE p.id = ANY($1::int[])`,
          [hits.map((h) => h.id)],
        );
        const byId = new Map(rows.map((r) => [r.id, r]));
        return hits.map((h) => byId.get(h.id)).filter(Boolean);
      },
    },
    Mutation: {
      async saveSearch(_parent, args: { q: string }, context: Ctx) {
        if (!context.shopperId) return false;
        await context.pgClient.query(
          "INSERT INTO app_public.saved_searches (shopper_id, query) VALUES ($1, $2)",
          [context.shopperId, args.q],
        );
        return true;
      },
    },
  },
}));
