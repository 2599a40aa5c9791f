import sql from 'mssql';
import { request } from 'undici';
import { getPool } from './db.js';

interface RegionTotal {
  region: string;
  orders: number;
  revenue: number;
}

export async function postDailyDigest(): Promise<void> {
  const pool = await getPool();
  const result = await pool
    .request()
    .input('since', sql.DateTime2, new Date(Date.now() - 24 * 3600 * 1000))
    .query<RegionTotal>(
      `SELECT region, COUNT(*) AS orders, SUM(total) AS revenue
         FROM dbo.Orders WHERE placed_at >= @since GROUP BY region ORDER BY revenue DESC`,
    );

  const lines = result.recordset.map((r) => `• ${r.region}: ${r.orders} orders, $${r.revenue.toFixed(2)}`);
  const { statusCode } = await request(process.env.DIGEST_WEBHOOK_URL!, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: `Sales, last 24h\n${lines.join('\n')}` }),
  });
  if (statusCode >= 300) throw new Error(`webhook returned ${statusCode}`);
}

export async function rollupHourly(): Promise<void> {
  const pool = await getPool();
  const tx = new sql.Transaction(pool);
  await tx.begin();
  try {
    await new sql.Request(tx).query(
      `DELETE FROM dbo.HourlyRollup WHERE bucket >= DATEADD(hour, -2, SYSUTCDATETIME())`,
    );
    await new sql.Request(tx).query(
      `INSERT INTO dbo.HourlyRollup (bucket, region, orders, revenue)
       SELECT DATEADD(hour, DATEDIFF(hour, 0, placed_at), 0), region, COUNT(*), SUM(total)
         FROM dbo.Orders WHERE placed_at >= DATEADD(hour, -2, SYSUTCDATETIME())
        GROUP BY DATEADD(hour, DATEDIFF(hour, 0, placed_at), 0), region`,
    );
    await tx.commit();
  } catch (err) {
    await tx.rollback();
    throw err;
  }
}
