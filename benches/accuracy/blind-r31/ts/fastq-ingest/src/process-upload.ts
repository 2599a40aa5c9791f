import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import sharp from "sharp";
import { pool } from "./db.js";

export interface UploadTask {
  uploadId: number;
  bucket: string;
  key: string;
}

const SIZES = [320, 960, 1920];

export async function processUpload(task: UploadTask): Promise<void> {
  const s3 = new S3Client({ region: process.env.AWS_REGION ?? "eu-west-1" });

  const original = await s3.send(new GetObjectCommand({ Bucket: task.bucket, Key: task.key }));
  const input = Buffer.from(await original.Body!.transformToByteArray());
  const meta = await sharp(input).metadata();

  const variants: { width: number; key: string }[] = [];
  for (const width of SIZES) {
    const resized = await sharp(input).resize({ width, withoutEnlargement: true }).webp().toBuffer();
    const key = `${task.key.replace(/\.[^.]+$/, "")}-${width}.webp`;
    await s3.send(new PutObjectCommand({ Bucket: task.bucket, Key: key, Body: resized, ContentType: "image/webp" }));
    variants.push({ width, key });
  }

  const conn = await pool.getConnection();
  await conn.beginTransaction();
  await conn.execute("UPDATE uploads SET state = 'ready', width = ?, height = ? WHERE id = ?", [
    meta.width ?? null,
    meta.height ?? null,
    task.uploadId,
  ]);
  for (const v of variants) {
    await conn.execute("INSERT INTO upload_variants (upload_id, width, s3_key) VALUES (?, ?, ?)", [
      task.uploadId,
      v.width,
      v.key,
    ]);
  }
  await conn.commit();
  conn.release();
}
