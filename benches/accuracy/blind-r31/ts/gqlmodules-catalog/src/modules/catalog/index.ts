import { createModule, gql } from "graphql-modules";
import { CatalogStore } from "./providers";

export const catalogModule = createModule({
  id: "catalog",
  typeDefs: gql`
    type Product {
      id: ID!
      title: String!
      priceCents: Int!
      tags: [String!]!
    }
    type Query {
      product(id: ID!): Product
      searchProducts(term: String!, limit: Int = 20): [Product!]!
    }
  `,
  providers: [CatalogStore],
  resolvers: {
    Product: {
      id: (p: { _id: string }) => p._id,
    },
    Query: {
      product: (_: unknown, { id }: { id: string }, { injector }: GraphQLModules.Context) =>
        injector.get(CatalogStore).byId(id),
      searchProducts: (_: unknown, args: { term: string; limit: number }, { injector }: GraphQLModules.Context) =>
        injector.get(CatalogStore).search(args.term, args.limit),
    },
  },
});
