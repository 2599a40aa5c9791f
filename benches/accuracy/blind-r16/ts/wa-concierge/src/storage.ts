import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-3' });
const BUCKET = process.env.DOCS_BUCKET ?? 'clinic-patient-docs';

export async function storeDocument(key: string, base64: string, mimetype: string): Promise<void> {
  await s3.send(
    new PutObjectCommand({
      Bucket: BUCKET,
      Key: key,
      Body: Buffer.from(base64, 'base64'),
      ContentType: mimetype,
      ServerSideEncryption: 'aws:kms',
    }),
  );
}
