import { onRequest } from 'firebase-functions/v2/https';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { setGlobalOptions } from 'firebase-functions/v2';
import * as logger from 'firebase-functions/logger';
import { initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { BigQuery } from '@google-cloud/bigquery';
import { exportDailyTotals } from './jobs/exportTotals';

setGlobalOptions({ region: 'europe-west1', maxInstances: 20 });

initializeApp();
const db = getFirestore();

export { onOrderCreated, onOrderUpdated } from './triggers/orders';

export const receiptsReport = onRequest({ cors: true }, async (req, res) => {
  const storeId = String(req.query.storeId ?? '');
  if (!storeId) {
    res.status(400).json({ error: 'storeId required' });
    return;
  }

  const store = await db.collection('stores').doc(storeId).get();
  if (!store.exists) {
    res.status(404).json({ error: 'unknown store' });
    return;
  }

  const bigquery = new BigQuery({ projectId: process.env.GCLOUD_PROJECT });
  const [rows] = await bigquery.query({
    query: `SELECT DATE(created_at) AS day, SUM(total) AS revenue
            FROM \`analytics.receipts\`
            WHERE store_id = @storeId AND created_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 30 DAY)
            GROUP BY day ORDER BY day`,
    params: { storeId },
  });
  res.json({ store: store.data()?.name, days: rows });
});

export const nightlyExport = onSchedule({ schedule: 'every day 02:00', timeZone: 'Europe/Berlin' }, async () => {
  const count = await exportDailyTotals(new Date());
  logger.info('exported daily totals', { count });
});
