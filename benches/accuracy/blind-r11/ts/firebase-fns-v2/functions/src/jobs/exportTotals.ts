import mysql from 'mysql2/promise';
import { getFirestore } from 'firebase-admin/firestore';

export async function exportDailyTotals(day: Date): Promise<number> {
  const start = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - 1));
  const end = new Date(start.getTime() + 24 * 3600 * 1000);

  const snap = await getFirestore()
    .collection('orders')
    .where('paidAt', '>=', start)
    .where('paidAt', '<', end)
    .get();

  const pool = mysql.createPool({
    host: process.env.ERP_DB_HOST,
    user: process.env.ERP_DB_USER,
    password: process.env.ERP_DB_PASSWORD,
    database: 'erp',
    connectionLimit: 5,
  });

  for (const doc of snap.docs) {
    const o = doc.data();
    await pool.execute(
      'INSERT INTO daily_orders (order_id, store_id, total, paid_at) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE total = VALUES(total)',
      [doc.id, o.storeId, o.total, o.paidAt.toDate()],
    );
  }
  return snap.size;
}
