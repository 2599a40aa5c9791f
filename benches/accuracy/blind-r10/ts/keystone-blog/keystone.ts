import { config } from '@keystone-6/core';
import { lists } from './schema';
import { extendGraphqlSchema } from './extensions';

export default config({
  db: {
    provider: 'postgresql',
    url: process.env.DATABASE_URL ?? 'postgres://keystone:keystone@localhost:5432/blog',
    idField: { kind: 'autoincrement' },
    enableLogging: process.env.NODE_ENV !== 'production',
  },
  lists,
  graphql: { extendGraphqlSchema },
  server: { port: Number(process.env.PORT ?? 3000) },
});
