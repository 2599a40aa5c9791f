import faktory from 'faktory-worker';
import mongoose from 'mongoose';
import { purgeOwner, resizeImage } from './jobs';

const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://localhost:27017/media';

async function connectWithRetry(attempts = 10): Promise<void> {
  for (let i = 1; i <= attempts; i++) {
    try {
      await mongoose.connect(MONGO_URL, { maxPoolSize: 10, serverSelectionTimeoutMS: 5000 });
      console.log('mongo connected');
      break;
    } catch (err) {
      if (i === attempts) throw err;
      console.warn(`mongo not ready (attempt ${i}/${attempts}), retrying`);
      await new Promise(resolve => setTimeout(resolve, 2000 * i));
    }
  }
}

async function main() {
  await connectWithRetry();

  faktory.register('ResizeImage', async (assetKey: unknown) => {
    await resizeImage(String(assetKey));
  });
  faktory.register('PurgeOwner', async (ownerId: unknown) => {
    await purgeOwner(String(ownerId));
  });

  const worker = await faktory.work({
    url: process.env.FAKTORY_URL ?? 'tcp://localhost:7419',
    queues: ['media', 'default'],
    concurrency: 6,
  });

  worker.on('fail', ({ job, error }) => console.error(`job ${job.jid} failed`, error));
  process.on('SIGTERM', async () => {
    await worker.stop();
    await mongoose.disconnect();
  });
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
