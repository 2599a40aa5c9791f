import { createModule, gql } from 'graphql-modules'
import { ProductsProvider } from './products.provider'

export const productsModule = createModule({
  id: 'products',
  dirname: __dirname,
  typeDefs: gql`
    type Product {
      id: ID!
      name: String!
      priceCents: Int!
      stock: Int!
    }

    type Query {
      product(id: ID!): Product
      searchProducts(term: String!, limit: Int = 20): [Product!]!
    }
  `,
  providers: [ProductsProvider],
  resolvers: {
    Query: {
      product: (_root: unknown, args: { id: string }, ctx: GraphQLModules.Context) =>
        ctx.injector.get(ProductsProvider).byId(args.id),
      searchProducts: (_root: unknown, args: { term: string; limit: number }, ctx: GraphQLModules.Context) =>
        ctx.injector.get(ProductsProvider).search(args.term, args.limit),
    },
  },
})
