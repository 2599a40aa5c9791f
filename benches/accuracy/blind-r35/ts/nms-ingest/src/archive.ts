import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

const MEDIA_ROOT = process.env.MEDIA_ROOT ?? './media';
const BUCKET = process.env.ARCHIVE_BUCKET ?? 'vod-archive';

export async function archiveRecording(streamPath: string): Promise<number> {
  const dir = path.join(MEDIA_ROOT, streamPath);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.mp4'));
  if (files.length === 0) return 0;

  const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-1' });
  for (const file of files) {
    const body = await readFile(path.join(dir, file));
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: `${streamPath.replace(/^\//, '')}/${file}`,
        Body: body,
        ContentType: 'video/mp4',
      }),
    );
  }
  return files.length;
}
