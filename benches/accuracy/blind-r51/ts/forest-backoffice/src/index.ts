import { createAgent } from '@forestadmin/agent';
import { createSqlDataSource } from '@forestadmin/datasource-sql';

import { customizeOrders } from './customizations/orders';
import { customizeCustomers } from './customizations/customers';

const agent = createAgent({
  authSecret: process.env.FOREST_AUTH_SECRET as string,
  envSecret: process.env.FOREST_ENV_SECRET as string,
  isProduction: process.env.NODE_ENV === 'production',
  typingsPath: './src/typings.ts',
  typingsMaxDepth: 5,
});

agent
  .addDataSource(createSqlDataSource(process.env.DATABASE_URL as string))
  .customizeCollection('orders', customizeOrders)
  .customizeCollection('customers', customizeCustomers)
  .mountOnStandaloneServer(Number(process.env.PORT ?? 3310));

agent.start().catch((err) => {
  console.error('forest agent failed to start', err);
  process.exit(1);
});
