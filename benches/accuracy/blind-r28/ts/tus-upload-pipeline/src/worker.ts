import { createHash } from "node:crypto";
import { CopyObjectCommand, GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { Readable } from "node:stream";
import { BUCKET, REGION, createPool, waitForDatabase } from "./db.js";

interface Job {
  id: number;
  s3_key: string;
  filetype: string;
}

const IDLE_MS = 2_000;
let stopping = false;

async function checksum(s3: S3Client, key: string): Promise<string> {
  const { Body } = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  const hash = createHash("sha256");
  for await (const chunk of Body as Readable) hash.update(chunk);
  return hash.digest("hex");
}

async function main(): Promise<void> {
  const pool = createPool("worker");
  const s3 = new S3Client({ region: REGION, maxAttempts: 5 });
  await waitForDatabase(pool);

  process.once("SIGTERM", () => {
    stopping = true;
  });

  while (!stopping) {
    const client = await pool.connect();
    let job: Job | undefined;
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<Job>(
        `SELECT id, s3_key, filetype FROM media_jobs
          WHERE state = 'queued' ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1`,
      );
      job = rows[0];
      if (job) {
        const sha256 = await checksum(s3, job.s3_key);
        const finalKey = job.s3_key.replace(/^incoming\//, "media/");
        await s3.send(new CopyObjectCommand({ Bucket: BUCKET, CopySource: `${BUCKET}/${job.s3_key}`, Key: finalKey }));
        await client.query("UPDATE media_jobs SET state = 'ready', sha256 = $2, final_key = $3 WHERE id = $1", [
          job.id,
          sha256,
          finalKey,
        ]);
      }
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      console.error(`job ${job?.id ?? "?"} failed: ${(err as Error).message}`);
    } finally {
      client.release();
    }
    if (!job) await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  }

  s3.destroy();
  await pool.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
