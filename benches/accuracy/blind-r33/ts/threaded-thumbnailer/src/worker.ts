import { parentPort, threadId } from "node:worker_threads";
import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Pool } from "pg";
import sharp from "sharp";
import type { ThumbJob, ThumbResult } from "./protocol";

// module scope of a worker thread: evaluated once per thread, and the
// thread count is fixed by main.ts, so this is THREADS pools in total.
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
const s3 = new S3Client({ region: process.env.AWS_REGION ?? "us-east-1" });
const BUCKET = process.env.MEDIA_BUCKET!;

async function render(job: ThumbJob): Promise<string> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ s3_key: string }>(
      "select s3_key from images where id = $1",
      [job.imageId],
    );
    if (rows.length === 0) throw new Error(`image ${job.imageId} not found`);

    const original = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: rows[0].s3_key }));
    const input = Buffer.from(await original.Body!.transformToByteArray());
    const thumb = await sharp(input).resize({ width: job.width, withoutEnlargement: true }).webp().toBuffer();

    const key = `thumbs/${job.width}/${job.imageId}.webp`;
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: thumb, ContentType: "image/webp" }));
    await client.query(
      "insert into thumbnails (image_id, width, s3_key) values ($1, $2, $3) on conflict do nothing",
      [job.imageId, job.width, key],
    );
    return key;
  } finally {
    client.release();
  }
}

parentPort!.on("message", (job: ThumbJob | "shutdown") => {
  if (job === "shutdown") {
    void pool.end().then(() => process.exit(0));
    return;
  }
  render(job)
    .then((key) => parentPort!.postMessage({ id: job.id, ok: true, key } satisfies ThumbResult))
    .catch((err: Error) =>
      parentPort!.postMessage({ id: job.id, ok: false, error: `[thread ${threadId}] ${err.message}` } satisfies ThumbResult),
    );
});
