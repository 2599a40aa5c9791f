// Re-enqueue images stuck in "pending" (e.g. after a Redis flush).
// Usage: npm run backfill -- [--older-than-minutes 30]
import Queue from 'bee-queue';
import { Op } from 'sequelize';
import { createSequelize } from '../src/db';
import { Image, initModels, QUEUE_NAME, redisOptions } from '../src/models';

async function run() {
  const idx = process.argv.indexOf('--older-than-minutes');
  const minutes = idx > -1 ? Number(process.argv[idx + 1]) : 30;

  const sequelize = createSequelize('script', 2);
  initModels(sequelize);
  const queue = new Queue<{ imageId: number }>(QUEUE_NAME, { redis: redisOptions, isWorker: false });

  try {
    const stuck = await Image.findAll({
      where: { status: 'pending', updatedAt: { [Op.lt]: new Date(Date.now() - minutes * 60_000) } } as any,
      attributes: ['id'],
    });
    for (const img of stuck) {
      await queue.createJob({ imageId: img.id }).retries(3).save();
    }
    console.log(`re-enqueued ${stuck.length} images`);
  } finally {
    await queue.close();
    await sequelize.close();
  }
}

run().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
