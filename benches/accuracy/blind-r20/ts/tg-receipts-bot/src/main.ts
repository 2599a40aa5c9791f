import TelegramBot from 'node-telegram-bot-api';
import { MongoClient } from 'mongodb';
import { S3Client } from '@aws-sdk/client-s3';
import { registerHandlers } from './handlers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function connectMongo(url: string, maxAttempts = 8): Promise<MongoClient> {
  for (let attempt = 1; ; attempt++) {
    const client = new MongoClient(url, { maxPoolSize: 10, serverSelectionTimeoutMS: 5_000 });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return client;
    } catch (err) {
      await client.close().catch(() => undefined);
      if (attempt >= maxAttempts) throw err;
      const delay = Math.min(30_000, 500 * 2 ** attempt);
      console.warn(`mongo not ready (attempt ${attempt}), retrying in ${delay}ms`);
      await sleep(delay);
    }
  }
}

async function main() {
  const mongo = await connectMongo(process.env.MONGO_URL ?? 'mongodb://localhost:27017');
  const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-1' });
  const bot = new TelegramBot(process.env.BOT_TOKEN!, { polling: { interval: 1000, autoStart: true } });

  registerHandlers(bot, { db: mongo.db('receipts'), s3, bucket: process.env.RECEIPT_BUCKET ?? 'receipts' });

  const stop = async () => {
    await bot.stopPolling();
    await mongo.close();
    s3.destroy();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log('receipts bot polling');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
