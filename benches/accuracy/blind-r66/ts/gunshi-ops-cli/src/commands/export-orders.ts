import { define } from 'gunshi';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { openDb } from '../db.js';

const BATCH = 5_000;

export const exportOrders = define({
  name: 'export-orders',
  description: 'Export orders for a day as NDJSON to the finance bucket',
  args: {
    day: { type: 'string', short: 'd', required: true, description: 'YYYY-MM-DD' },
    bucket: { type: 'string', default: 'finance-exports', description: 'target bucket' },
  },
  async run(ctx) {
    const { day, bucket } = ctx.values;
    const db = await openDb();
    const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-central-1' });
    try {
      let lastId = 0;
      let part = 0;
      for (;;) {
        const { rows } = await db.query(
          `SELECT id, customer_id, total_cents, currency, created_at
             FROM orders
            WHERE created_at >= $1::date AND created_at < $1::date + 1 AND id > $2
            ORDER BY id LIMIT $3`,
          [day, lastId, BATCH],
        );
        if (!rows.length) break;
        lastId = rows[rows.length - 1].id;
        await s3.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: `orders/${day}/part-${String(part++).padStart(4, '0')}.ndjson`,
            Body: rows.map((r) => JSON.stringify(r)).join('\n'),
          }),
        );
      }
      console.log(`exported ${part} part(s) for ${day}`);
    } finally {
      await db.end();
      s3.destroy();
    }
  },
});
