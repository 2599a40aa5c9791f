import { S3Client, PutObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { getConfig } from '@evershop/evershop/src/lib/util/getConfig.js';

let client;

/** One S3 client for the whole EverShop process, created on first use. */
export function getS3() {
  if (!client) {
    client = new S3Client({
      region: getConfig('loyalty.region', 'eu-central-1'),
      maxAttempts: 3,
    });
  }
  return client;
}

export async function putStatement(customerId, csv) {
  const bucket = getConfig('loyalty.statementBucket');
  const key = `statements/${customerId}/${new Date().toISOString().slice(0, 10)}.csv`;
  await getS3().send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: csv,
      ContentType: 'text/csv; charset=utf-8',
      ServerSideEncryption: 'AES256',
    }),
  );
  return getSignedUrl(getS3(), new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: 900 });
}

export function toCsv(rows) {
  const header = 'date,order_id,points,reason';
  const lines = rows.map((r) =>
    [new Date(r.created_at).toISOString(), r.order_id ?? '', r.points, JSON.stringify(r.reason)].join(','),
  );
  return [header, ...lines].join('\n');
}
