import { MongoClient } from 'mongodb';
import { setTimeout as sleep } from 'node:timers/promises';

// Called once from main. Retries only while the bot is starting; the returned client
// is shared by every stanza handler for the life of the process.
export async function connectMongo(uri: string, attempts = 8): Promise<MongoClient> {
  let lastError: unknown;
  for (let i = 1; i <= attempts; i++) {
    const client = new MongoClient(uri, { maxPoolSize: 10, appName: 'xmpp-oncall-bot' });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return client;
    } catch (err) {
      lastError = err;
      await client.close().catch(() => undefined);
      console.warn(`mongo not ready (attempt ${i}/${attempts}): ${(err as Error).message}`);
      await sleep(1000 * i);
    }
  }
  throw lastError;
}
