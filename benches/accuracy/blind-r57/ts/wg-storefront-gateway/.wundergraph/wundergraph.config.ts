import { configureWunderGraphApplication, cors, EnvironmentVariable, introspect } from '@wundergraph/sdk';
import server from './wundergraph.server';

const shop = introspect.postgresql({
  apiNamespace: 'shop',
  databaseURL: new EnvironmentVariable('SHOP_DATABASE_URL'),
});

const catalog = introspect.graphql({
  apiNamespace: 'catalog',
  url: new EnvironmentVariable('CATALOG_GRAPHQL_URL', 'http://catalog.internal:4000/graphql'),
});

configureWunderGraphApplication({
  apis: [shop, catalog],
  server,
  authentication: {
    tokenBased: {
      providers: [
        {
          jwksURL: new EnvironmentVariable('AUTH_JWKS_URL'),
        },
      ],
    },
  },
  authorization: {
    roles: ['customer', 'staff'],
  },
  cors: {
    ...cors.allowAll,
    allowedOrigins: ['https://shop.example.com'],
  },
  security: {
    enableGraphQLEndpoint: process.env.NODE_ENV !== 'production',
  },
});
