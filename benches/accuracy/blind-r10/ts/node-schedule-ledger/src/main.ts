import schedule from 'node-schedule';
import { MongoClient } from 'mongodb';
import { Pool } from 'undici';
import { rollupJob } from './jobs/rollup.js';
import { fxRatesJob } from './jobs/fx-rates.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function connectWithRetry(url: string, maxAttempts = 10): Promise<MongoClient> {
  for (let attempt = 1; ; attempt++) {
    const client = new MongoClient(url, { maxPoolSize: 10, serverSelectionTimeoutMS: 5_000 });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return client;
    } catch (err) {
      await client.close().catch(() => undefined);
      if (attempt >= maxAttempts) throw err;
      console.warn(`mongo not reachable (attempt ${attempt}/${maxAttempts}), retrying`);
      await sleep(2_000 * attempt);
    }
  }
}

async function main() {
  const mongo = await connectWithRetry(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017/ledger');
  const fx = new Pool(process.env.FX_API_ORIGIN ?? 'https://api.exchangerate.host', { connections: 4 });
  const db = mongo.db();

  schedule.scheduleJob('hourly-rollup', '5 * * * *', rollupJob(db));
  schedule.scheduleJob('fx-rates', { hour: 6, minute: 0, tz: 'UTC' }, fxRatesJob(db, fx));

  const shutdown = async () => {
    await schedule.gracefulShutdown();
    await fx.close();
    await mongo.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  console.log('ledger scheduler started');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
