import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-1' });

export function invoicePdfUrl(key: string): Promise<string> {
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: process.env.INVOICE_BUCKET, Key: key }), {
    expiresIn: 300,
  });
}
