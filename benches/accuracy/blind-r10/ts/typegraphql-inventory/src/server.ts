import 'reflect-metadata';
import Fastify from 'fastify';
import mercurius from 'mercurius';
import { MikroORM } from '@mikro-orm/postgresql';
import { buildSchema } from 'type-graphql';
import { ormConfig, type GqlContext } from './orm';
import { ProductResolver } from './resolvers/product';
import { WarehouseResolver } from './resolvers/warehouse';
import { reportPool } from './datasources';

async function main() {
  const orm = await MikroORM.init(ormConfig);
  const schema = await buildSchema({
    resolvers: [ProductResolver, WarehouseResolver],
    validate: false,
  });

  const app = Fastify({ logger: true });

  await app.register(mercurius, {
    schema,
    graphiql: process.env.NODE_ENV !== 'production',
    context: (request): GqlContext => ({
      em: orm.em.fork(),
      userId: request.headers['x-user-id'] as string | undefined,
    }),
  });

  app.addHook('onClose', async () => {
    await orm.close();
    await reportPool.end();
  });

  await app.listen({ port: Number(process.env.PORT ?? 4000), host: '0.0.0.0' });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
