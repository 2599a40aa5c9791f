import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { MongoClient, type ChangeStreamDocument } from 'mongodb';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';

interface TailArgs {
  mongoUrl: string;
  db: string;
  collection: string;
  channel: string;
}

async function connectWithRetry(url: string): Promise<MongoClient> {
  let attempt = 0;
  while (true) {
    const client = new MongoClient(url, { appName: 'opsctl-tail', serverSelectionTimeoutMS: 5_000 });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return client;
    } catch (err) {
      await client.close().catch(() => undefined);
      attempt += 1;
      if (attempt >= 8) throw err;
      console.warn(`mongo not reachable (attempt ${attempt}): ${(err as Error).message}`);
      await sleep(1_000 * attempt);
    }
  }
}

export const tailCommand: CommandModule<object, TailArgs> = {
  command: 'tail <collection>',
  describe: 'Stream changes of a collection to a Redis pub/sub channel until interrupted',
  builder: (y: Argv) =>
    y
      .positional('collection', { type: 'string', demandOption: true })
      .option('channel', { type: 'string', default: 'ops:changes' }) as unknown as Argv<TailArgs>,
  handler: async (argv: ArgumentsCamelCase<TailArgs>) => {
    const mongo = await connectWithRetry(argv.mongoUrl);
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');

    const stream = mongo
      .db(argv.db)
      .collection(argv.collection)
      .watch([], { fullDocument: 'updateLookup' });

    const stop = async () => {
      await stream.close();
      await Promise.allSettled([mongo.close(), redis.quit()]);
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);

    let forwarded = 0;
    for await (const change of stream as AsyncIterable<ChangeStreamDocument>) {
      const id = 'documentKey' in change ? String(change.documentKey._id) : null;
      await redis.publish(
        argv.channel,
        JSON.stringify({ op: change.operationType, collection: argv.collection, id, at: Date.now() }),
      );
      forwarded += 1;
      if (forwarded % 1000 === 0) console.log(`forwarded ${forwarded} changes`);
    }
  },
};
