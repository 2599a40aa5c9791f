import mysql from 'mysql2/promise';

// Shared audit database for all sites.
const auditPool = mysql.createPool({
  uri: process.env.AUDIT_DATABASE_URL,
  connectionLimit: 4,
  waitForConnections: true,
});

export interface Adjustment {
  site: string;
  sku: string;
  delta: number;
  reason: string;
  scanId: string;
}

export async function recordAdjustment(a: Adjustment): Promise<void> {
  const conn = await auditPool.getConnection();
  // Scanners retry on flaky Wi-Fi; the scan id makes the audit idempotent.
  const [dupes] = await conn.execute<mysql.RowDataPacket[]>(
    'SELECT 1 FROM stock_adjustments WHERE scan_id = ? LIMIT 1',
    [a.scanId],
  );
  if (dupes.length) return;

  await conn.beginTransaction();
  await conn.execute(
    'INSERT INTO stock_adjustments (scan_id, site, sku, delta, reason, at) VALUES (?, ?, ?, ?, ?, NOW())',
    [a.scanId, a.site, a.sku, a.delta, a.reason],
  );
  await conn.execute(
    'INSERT INTO daily_adjustment_totals (day, site, delta) VALUES (CURDATE(), ?, ?) ON DUPLICATE KEY UPDATE delta = delta + VALUES(delta)',
    [a.site, a.delta],
  );
  await conn.commit();
  conn.release();
}
