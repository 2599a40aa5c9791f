import { createModule, gql } from "graphql-modules";
import { ReviewStore } from "./providers";

export const reviewsModule = createModule({
  id: "reviews",
  typeDefs: gql`
    type Review {
      rating: Int!
      body: String!
    }
    extend type Product {
      reviews(limit: Int = 10): [Review!]!
    }
    type Mutation {
      addReview(productId: ID!, rating: Int!, body: String!): Boolean!
    }
  `,
  providers: [ReviewStore],
  resolvers: {
    Product: {
      reviews: (p: { _id: string }, { limit }: { limit: number }, { injector }: GraphQLModules.Context) =>
        injector.get(ReviewStore).forProduct(p._id, limit),
    },
    Mutation: {
      addReview: (_: unknown, a: { productId: string; rating: number; body: string }, { injector }: GraphQLModules.Context) =>
        injector.get(ReviewStore).add(a.productId, a.rating, a.body),
    },
  },
});
