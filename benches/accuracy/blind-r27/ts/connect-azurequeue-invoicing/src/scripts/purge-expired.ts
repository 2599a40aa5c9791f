import sql from 'mssql';
import { createPool } from '../shared/db';

/**
 * One-off maintenance: void drafts older than N days.
 *   npm run purge-expired -- 90
 */
async function main(): Promise<void> {
  const days = Number(process.argv[2] ?? 90);
  if (!Number.isInteger(days) || days < 30) {
    console.error('refusing to purge drafts younger than 30 days');
    process.exit(2);
  }

  const pool = await createPool({ appName: 'invoicing-purge', max: 2 });
  try {
    const result = await pool
      .request()
      .input('days', sql.Int, days)
      .query(
        `UPDATE invoices SET status = 'void', voided_at = SYSUTCDATETIME()
         WHERE status = 'draft' AND created_at < DATEADD(day, -@days, SYSUTCDATETIME())`,
      );
    console.log(`voided ${result.rowsAffected[0]} stale drafts older than ${days} days`);
  } finally {
    await pool.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
