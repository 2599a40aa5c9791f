import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import { connectMongo } from '../db/connect';
import { ordersRouter } from './routes/orders';
import { customersRouter } from './routes/customers';

declare module 'koa' {
  interface DefaultContext {
    mongo: import('mongodb').MongoClient;
    db: import('mongodb').Db;
  }
}

async function main() {
  const mongo = await connectMongo('shop-web');
  const app = new Koa();
  app.context.mongo = mongo;
  app.context.db = mongo.db('shop');

  app.use(bodyParser());
  app.use(ordersRouter.routes()).use(ordersRouter.allowedMethods());
  app.use(customersRouter.routes()).use(customersRouter.allowedMethods());

  const server = app.listen(Number(process.env.PORT ?? 3000));
  process.once('SIGTERM', () => {
    server.close(async () => {
      await mongo.close();
      process.exit(0);
    });
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
