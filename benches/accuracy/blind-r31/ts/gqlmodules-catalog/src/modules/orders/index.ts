import { createModule, gql } from "graphql-modules";
import { shopDb } from "../../db";

export const ordersModule = createModule({
  id: "orders",
  typeDefs: gql`
    type Order {
      id: ID!
      totalCents: Int!
      status: String!
    }
    extend type Query {
      myOrders: [Order!]!
    }
  `,
  resolvers: {
    Order: {
      id: (o: { _id: string }) => o._id,
    },
    Query: {
      myOrders: async (_: unknown, __: unknown, ctx: GraphQLModules.Context & { userId: string | null; shopId: string }) => {
        if (!ctx.userId) return [];
        return shopDb()
          .collection("orders")
          .find({ shopId: ctx.shopId, userId: ctx.userId })
          .sort({ createdAt: -1 })
          .limit(25)
          .toArray();
      },
    },
  },
});
