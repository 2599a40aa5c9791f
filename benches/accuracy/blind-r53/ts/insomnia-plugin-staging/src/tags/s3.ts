import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { TagContext } from '../index';
import { envValue } from '../index';

export const s3PresignedTag = {
  name: 's3Presigned',
  displayName: 'S3 presigned URL',
  description: 'Short-lived GET URL for an object in the staging uploads bucket',
  args: [
    { displayName: 'Key', type: 'string', placeholder: 'invoices/2024/INV-0001.pdf' },
    { displayName: 'Expires (seconds)', type: 'number', defaultValue: 300 },
  ],

  async run(ctx: TagContext, key: string, expires: number): Promise<string> {
    if (!key) throw new Error('Key is required');

    const s3 = new S3Client({
      region: envValue(ctx, 'aws_region'),
      credentials: {
        accessKeyId: envValue(ctx, 'aws_access_key_id'),
        secretAccessKey: envValue(ctx, 'aws_secret_access_key'),
      },
    });

    const bucket = envValue(ctx, 'uploads_bucket');
    const objectKey = key.replace(/^\/+/, '');
    // Fail the render early instead of handing out a URL that 404s.
    await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: objectKey }));

    const url = await getSignedUrl(
      s3,
      new GetObjectCommand({ Bucket: bucket, Key: objectKey }),
      { expiresIn: Math.min(Math.max(Number(expires) || 300, 60), 3_600) },
    );

    // Remember the last key per workspace so the next preview starts from it.
    await ctx.store.setItem('s3Presigned:lastKey', key);
    return url;
  },
};
