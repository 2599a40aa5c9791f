import type { Context } from 'openapi-backend';
import { reportsDb } from '../db.js';

export async function agingReport(_c: Context) {
  const pool = await reportsDb();
  const result = await pool.request().query(`
    SELECT CASE
             WHEN DATEDIFF(day, DueDate, SYSUTCDATETIME()) <= 30 THEN '0-30'
             WHEN DATEDIFF(day, DueDate, SYSUTCDATETIME()) <= 60 THEN '31-60'
             ELSE '60+'
           END AS Bucket,
           SUM(TotalCents) AS TotalCents
      FROM dbo.Invoices
     WHERE PaidAt IS NULL
     GROUP BY CASE
             WHEN DATEDIFF(day, DueDate, SYSUTCDATETIME()) <= 30 THEN '0-30'
             WHEN DATEDIFF(day, DueDate, SYSUTCDATETIME()) <= 60 THEN '31-60'
             ELSE '60+'
           END`);
  return { status: 200, body: result.recordset };
}
