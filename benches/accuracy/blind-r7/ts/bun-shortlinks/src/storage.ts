import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';

export async function uploadPreview(body: ArrayBuffer, contentType: string): Promise<string> {
  const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'us-east-1' });
  const key = `previews/${crypto.randomUUID()}`;
  await s3.send(
    new PutObjectCommand({
      Bucket: process.env.PREVIEW_BUCKET!,
      Key: key,
      Body: new Uint8Array(body),
      ContentType: contentType,
    }),
  );
  return key;
}
