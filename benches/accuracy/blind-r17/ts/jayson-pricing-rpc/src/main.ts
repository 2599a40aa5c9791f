import jayson from 'jayson/promise';
import { MongoClient } from 'mongodb';
import { makeMethods } from './methods';
import { closeAll } from './search';

async function connectWithRetry(uri: string, attempts = 10): Promise<MongoClient> {
  const client = new MongoClient(uri, { maxPoolSize: 20, serverSelectionTimeoutMS: 3_000 });
  for (let i = 1; ; i++) {
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return client;
    } catch (err) {
      if (i >= attempts) throw err;
      console.warn(`mongo not ready (attempt ${i}/${attempts}), retrying`);
      await new Promise((r) => setTimeout(r, 1_000 * i));
    }
  }
}

async function main(): Promise<void> {
  const mongo = await connectWithRetry(process.env.MONGO_URL ?? 'mongodb://localhost:27017');
  const methods = makeMethods({ db: mongo.db('pricing') });

  const server = new jayson.Server(methods as unknown as jayson.MethodMap);
  const http = server.http();
  http.listen(Number(process.env.PORT ?? 4010), () => console.log('pricing rpc listening'));

  process.on('SIGTERM', () => {
    http.close(async () => {
      await closeAll();
      await mongo.close();
      process.exit(0);
    });
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
