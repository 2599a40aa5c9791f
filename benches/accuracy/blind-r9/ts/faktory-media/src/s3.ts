import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

export const BUCKET = process.env.MEDIA_BUCKET ?? 'media-uploads';

// One S3 client for the worker process; jobs import it.
export const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'us-east-1', maxAttempts: 4 });

export async function download(key: string): Promise<Buffer> {
  const res = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return Buffer.from(await res.Body!.transformToByteArray());
}

export async function upload(key: string, body: Buffer, contentType: string): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body, ContentType: contentType }));
}
