import * as fastq from "fastq";
import type { queueAsPromised } from "fastq";
import type { RowDataPacket } from "mysql2/promise";
import { pool } from "./db.js";
import { processUpload, type UploadTask } from "./process-upload.js";

const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
const queue: queueAsPromised<UploadTask> = fastq.promise(processUpload, CONCURRENCY);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function claimBatch(limit: number): Promise<UploadTask[]> {
  const [rows] = await pool.query<RowDataPacket[]>(
    "SELECT id, bucket, s3_key FROM uploads WHERE state = 'pending' ORDER BY id LIMIT ?",
    [limit],
  );
  if (rows.length === 0) return [];
  await pool.query("UPDATE uploads SET state = 'processing' WHERE id IN (?)", [rows.map((r) => r.id)]);
  return rows.map((r) => ({ uploadId: Number(r.id), bucket: String(r.bucket), key: String(r.s3_key) }));
}

async function main() {
  let stopping = false;
  process.on("SIGTERM", () => (stopping = true));

  while (!stopping) {
    if (queue.length() >= CONCURRENCY * 2) {
      await sleep(500);
      continue;
    }
    const tasks = await claimBatch(CONCURRENCY * 2);
    if (tasks.length === 0) {
      await sleep(2000);
      continue;
    }
    for (const task of tasks) {
      queue.push(task).catch(async (err) => {
        console.error(`upload ${task.uploadId} failed`, err);
        await pool.query("UPDATE uploads SET state = 'failed' WHERE id = ?", [task.uploadId]);
      });
    }
  }

  await queue.drained();
  await pool.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
