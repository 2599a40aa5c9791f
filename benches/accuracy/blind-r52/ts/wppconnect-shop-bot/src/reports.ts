import mysql from 'mysql2/promise';
import type { RowDataPacket } from 'mysql2/promise';

// Reporting queries are heavy, keep them on their own small pool.
const reportPool = mysql.createPool({
  uri: process.env.SHOP_DB_URL,
  connectionLimit: 3,
  dateStrings: true,
});

interface SalesRow extends RowDataPacket {
  orders: number;
  revenue: string | null;
  top_product: string | null;
}

export async function dailySalesSummary(day: Date): Promise<string> {
  const date = day.toISOString().slice(0, 10);
  const [rows] = await reportPool.query<SalesRow[]>(
    `SELECT COUNT(*) AS orders,
            SUM(o.total) AS revenue,
            (SELECT p.name
               FROM order_items oi JOIN products p ON p.sku = oi.sku
               JOIN orders o2 ON o2.id = oi.order_id
              WHERE DATE(o2.created_at) = ?
              GROUP BY p.name ORDER BY SUM(oi.qty) DESC LIMIT 1) AS top_product
       FROM orders o
      WHERE DATE(o.created_at) = ? AND o.status <> 'cancelled'`,
    [date, date],
  );
  const r = rows[0];
  const revenue = Number(r?.revenue ?? 0).toFixed(2);
  return [
    `📊 Resumo de ${date}`,
    `Pedidos: ${r?.orders ?? 0}`,
    `Faturamento: R$ ${revenue}`,
    `Mais vendido: ${r?.top_product ?? '—'}`,
  ].join('\n');
}

export async function closeReports(): Promise<void> {
  await reportPool.end();
}
