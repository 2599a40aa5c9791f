import os from "node:os";
import { Client } from "pg";
import { Pool as WorkerPool, spawn, Worker } from "threads";
import type { ThumbnailWorker } from "./workers/thumbnail";
import { markFailed, markRendered, nextBatch } from "./jobs";

const BATCH_SIZE = 200;
const CONCURRENCY = Math.max(2, os.cpus().length - 1);

async function main(): Promise<void> {
  const db = new Client({ connectionString: process.env.DATABASE_URL, application_name: "thumbnailer" });
  await db.connect();

  const workers = WorkerPool(() => spawn<ThumbnailWorker>(new Worker("./workers/thumbnail")), {
    size: CONCURRENCY,
    concurrency: 2,
    name: "thumbnail",
  });

  let cursor = 0;
  let rendered = 0;
  let failed = 0;
  try {
    for (;;) {
      const batch = await nextBatch(db, cursor, BATCH_SIZE);
      if (batch.length === 0) break;
      cursor = batch[batch.length - 1].id;

      for (const image of batch) {
        workers.queue(async (worker) => {
          try {
            const keys = await worker.renderThumbnails(image.source_key);
            await markRendered(db, image.id, keys);
            rendered++;
          } catch (err) {
            await markFailed(db, image.id, (err as Error).message);
            failed++;
          }
        });
      }
      await workers.completed(true);
      console.log(`[thumbnailer] up to id ${cursor}: ${rendered} rendered, ${failed} failed`);
    }
  } finally {
    await workers.terminate();
    await db.end();
  }
  console.log(`[thumbnailer] done: ${rendered} rendered, ${failed} failed`);
}

main().catch((err) => {
  console.error("[thumbnailer] fatal", err);
  process.exit(1);
});
