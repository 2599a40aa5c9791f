import { makeExecutableSchema } from "@graphql-tools/schema";
import type { RedisPubSub } from "graphql-redis-subscriptions";
import type Redis from "ioredis";
import type pg from "pg";

export type Ctx = {
  pool: pg.Pool;
  redis: Redis;
  pubsub: RedisPubSub;
  userId: string;
};

const typeDefs = /* GraphQL */ `
  type Order {
    id: ID!
    status: String!
    totalCents: Int!
    updatedAt: String!
  }
  type Query {
    myOrders(limit: Int = 20): [Order!]!
  }
  type Mutation {
    cancelOrder(id: ID!): Order
  }
  type Subscription {
    orderUpdated: Order!
  }
`;

const toOrder = (r: any) => ({
  id: r.id,
  status: r.status,
  totalCents: r.total_cents,
  updatedAt: new Date(r.updated_at).toISOString(),
});

export const schema = makeExecutableSchema<Ctx>({
  typeDefs,
  resolvers: {
    Query: {
      myOrders: async (_: unknown, { limit }: { limit: number }, ctx: Ctx) => {
        const { rows } = await ctx.pool.query(
          "select * from orders where user_id = $1 order by updated_at desc limit $2",
          [ctx.userId, Math.min(limit, 100)],
        );
        return rows.map(toOrder);
      },
    },
    Mutation: {
      cancelOrder: async (_: unknown, { id }: { id: string }, ctx: Ctx) => {
        const client = await ctx.pool.connect();
        try {
          await client.query("begin");
          const { rows } = await client.query(
            "update orders set status = 'cancelled', updated_at = now() where id = $1 and user_id = $2 and status = 'placed' returning *",
            [id, ctx.userId],
          );
          if (rows.length === 0) {
            await client.query("rollback");
            return null;
          }
          await client.query("insert into order_events (order_id, kind) values ($1, 'cancelled')", [id]);
          await client.query("commit");
          const order = toOrder(rows[0]);
          await ctx.pubsub.publish(`order:${ctx.userId}`, { orderUpdated: order });
          return order;
        } catch (err) {
          await client.query("rollback").catch(() => {});
          throw err;
        } finally {
          client.release();
        }
      },
    },
    Subscription: {
      orderUpdated: {
        subscribe: (_: unknown, __: unknown, ctx: Ctx) => ctx.pubsub.asyncIterator(`order:${ctx.userId}`),
      },
    },
  },
});
