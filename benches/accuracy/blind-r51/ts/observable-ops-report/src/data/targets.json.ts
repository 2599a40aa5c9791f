import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';

// Quarterly targets are maintained by finance as a JSON file in S3.
const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-central-1' });

try {
  const obj = await s3.send(new GetObjectCommand({ Bucket: process.env.FINANCE_BUCKET, Key: 'targets/current.json' }));
  process.stdout.write(await obj.Body!.transformToString());
} finally {
  s3.destroy();
}
