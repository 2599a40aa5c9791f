import { logger, schedules } from '@trigger.dev/sdk/v3';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { and, gte, lt } from 'drizzle-orm';
import { db, orders, shops } from '../db';
import { syncShopOrders } from './sync-orders';

const s3 = new S3Client({ region: process.env.AWS_REGION });

export const nightlyExport = schedules.task({
  id: 'nightly-orders-export',
  cron: '0 3 * * *',
  run: async (payload) => {
    const end = payload.timestamp;
    const start = new Date(end.getTime() - 24 * 3600 * 1000);

    const rows = await db
      .select()
      .from(orders)
      .where(and(gte(orders.createdAt, start), lt(orders.createdAt, end)));

    const key = `exports/orders/${end.toISOString().slice(0, 10)}.ndjson`;
    await s3.send(
      new PutObjectCommand({
        Bucket: process.env.EXPORT_BUCKET,
        Key: key,
        Body: rows.map((r) => JSON.stringify(r)).join('\n'),
        ContentType: 'application/x-ndjson',
      }),
    );
    logger.info('exported orders', { key, count: rows.length });
    return { key, count: rows.length };
  },
});

export const hourlySyncAll = schedules.task({
  id: 'hourly-sync-all-shops',
  cron: '5 * * * *',
  run: async () => {
    const all = await db.select({ id: shops.id }).from(shops);
    await syncShopOrders.batchTrigger(all.map((s) => ({ payload: { shopId: s.id } })));
    return { triggered: all.length };
  },
});
