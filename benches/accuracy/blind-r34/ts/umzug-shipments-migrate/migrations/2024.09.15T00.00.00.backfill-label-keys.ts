import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { Migration } from '../src/migrate.js';

// Data migration: shipping labels were uploaded to S3 before we stored their
// keys. Match them up by order id.
export const up: Migration = async ({ context: sql }) => {
  const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-central-1' });
  try {
    let token: string | undefined;
    do {
      const page = await s3.send(
        new ListObjectsV2Command({
          Bucket: process.env.LABEL_BUCKET,
          Prefix: 'labels/',
          ContinuationToken: token,
        }),
      );
      for (const obj of page.Contents ?? []) {
        const match = /labels\/(\d+)\.pdf$/.exec(obj.Key ?? '');
        if (!match) continue;
        await sql`UPDATE shipments SET label_key = ${obj.Key!} WHERE order_id = ${Number(match[1])} AND label_key IS NULL`;
      }
      token = page.NextContinuationToken;
    } while (token);
  } finally {
    s3.destroy();
  }
};

export const down: Migration = async ({ context: sql }) => {
  await sql`UPDATE shipments SET label_key = NULL`;
};
