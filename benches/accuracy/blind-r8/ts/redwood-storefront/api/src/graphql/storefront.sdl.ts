export const schema = gql`
  type Product {
    id: Int!
    sku: String!
    title: String!
    priceCents: Int!
  }

  type SalesByDay {
    day: String!
    units: Int!
    revenueCents: Int!
  }

  type Query {
    products(limit: Int): [Product!]! @skipAuth
    product(sku: String!): Product @skipAuth
    salesByDay(days: Int!): [SalesByDay!]! @requireAuth(roles: ["admin"])
    recommendedFor(sku: String!): [Product!]! @skipAuth
  }
`
