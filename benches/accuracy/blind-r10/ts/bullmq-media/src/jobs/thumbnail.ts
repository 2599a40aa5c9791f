import type { Job } from 'bullmq';
import { S3Client, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { saveVariant } from './asset-store.js';

export interface ThumbnailData {
  assetId: string;
  bucket: string;
  key: string;
  widths: number[];
}

export async function processThumbnail(job: Job<ThumbnailData>) {
  const { assetId, bucket, key, widths } = job.data;
  const s3 = new S3Client({ region: process.env.AWS_REGION });

  const original = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const input = Buffer.from(await original.Body!.transformToByteArray());

  for (const [i, width] of widths.entries()) {
    const output = await sharp(input).resize({ width, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
    const variantKey = `${key.replace(/\.[^.]+$/, '')}-${width}.webp`;
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: variantKey, Body: output, ContentType: 'image/webp' }),
    );
    await saveVariant(assetId, `w${width}`, variantKey, output.length);
    await job.updateProgress(Math.round(((i + 1) / widths.length) * 100));
  }

  return { variants: widths.length };
}
