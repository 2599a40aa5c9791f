import Queue from 'bee-queue';
import sharp from 'sharp';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createSequelize } from './db';
import { Image, initModels, QUEUE_NAME, redisOptions } from './models';

const OUT_DIR = process.env.THUMB_DIR ?? '/var/thumbs';
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4);

const sequelize = createSequelize('worker', CONCURRENCY + 2);
initModels(sequelize);

const queue = new Queue<{ imageId: number }>(QUEUE_NAME, {
  redis: redisOptions,
  isWorker: true,
  removeOnSuccess: true,
});

queue.process(CONCURRENCY, async (job) => {
  const image = await Image.findByPk(job.data.imageId);
  if (!image) return { skipped: true };

  await image.increment('attempts');
  const resp = await fetch(image.sourceUrl);
  if (!resp.ok) throw new Error(`download failed: ${resp.status}`);
  const input = Buffer.from(await resp.arrayBuffer());

  await mkdir(OUT_DIR, { recursive: true });
  const thumbPath = join(OUT_DIR, `${image.id}.webp`);
  await sharp(input).resize(320, 320, { fit: 'inside' }).webp({ quality: 80 }).toFile(thumbPath);

  await sequelize.transaction(async (t) => {
    await image.update({ status: 'done', thumbPath }, { transaction: t });
  });
  return { thumbPath };
});

// bee-queue emits 'failed' only once the job has no retries left.
queue.on('failed', async (job, err) => {
  console.error(`job ${job.id} failed: ${err.message}`);
  await Image.update({ status: 'failed' }, { where: { id: job.data.imageId } });
});

process.on('SIGTERM', async () => {
  await queue.close(30_000);
  await sequelize.close();
  process.exit(0);
});
