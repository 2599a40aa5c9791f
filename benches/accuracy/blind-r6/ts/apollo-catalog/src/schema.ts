import gql from 'graphql-tag';

export const typeDefs = gql`
  type Product {
    id: ID!
    sku: String!
    title: String!
    priceCents: Int!
    stock: Int!
  }

  type ProductStats {
    productId: ID!
    views30d: Int!
    orders30d: Int!
    conversion: Float!
  }

  type Query {
    products(search: String, limit: Int = 20): [Product!]!
    product(id: ID!): Product
    productStats(id: ID!): ProductStats
  }

  type Mutation {
    adjustStock(id: ID!, delta: Int!, note: String): Product!
  }
`;
