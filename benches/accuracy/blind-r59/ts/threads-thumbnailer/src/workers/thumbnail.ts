import { expose } from "threads/worker";
import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import sharp from "sharp";

// This module is evaluated once in each worker thread the pool spawns; the
// client below is shared by every task that thread runs.
const s3 = new S3Client({ region: process.env.AWS_REGION ?? "eu-west-1", maxAttempts: 4 });
const BUCKET = process.env.MEDIA_BUCKET ?? "shop-media";
const SIZES = [160, 480, 960] as const;

async function download(key: string): Promise<Buffer> {
  const obj = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  const bytes = await obj.Body!.transformToByteArray();
  return Buffer.from(bytes);
}

const api = {
  async renderThumbnails(sourceKey: string): Promise<string[]> {
    const original = await download(sourceKey);
    const base = sourceKey.replace(/^originals\//, "").replace(/\.[a-z0-9]+$/i, "");
    const written: string[] = [];
    for (const width of SIZES) {
      const webp = await sharp(original).resize({ width, withoutEnlargement: true }).webp({ quality: 78 }).toBuffer();
      const key = `thumbs/${width}/${base}.webp`;
      await s3.send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key: key,
          Body: webp,
          ContentType: "image/webp",
          CacheControl: "public, max-age=31536000, immutable",
        }),
      );
      written.push(key);
    }
    return written;
  },
};

export type ThumbnailWorker = typeof api;

expose(api);
