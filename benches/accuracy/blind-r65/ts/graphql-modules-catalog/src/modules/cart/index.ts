import { createModule, gql } from 'graphql-modules'
import { CartProvider } from './cart.provider'

export const cartModule = createModule({
  id: 'cart',
  dirname: __dirname,
  typeDefs: gql`
    type Mutation {
      checkout(cartId: ID!): ID!
    }
  `,
  providers: [CartProvider],
  resolvers: {
    Mutation: {
      checkout: (_root: unknown, args: { cartId: string }, ctx: GraphQLModules.Context & { customerId: string }) =>
        ctx.injector.get(CartProvider).checkout(args.cartId, ctx.customerId),
    },
  },
})
