import pg from 'pg';

const auditPool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 5,
  application_name: 'fulfilment-audit',
});

export type AuditAction = 'created' | 'cancelled' | 'reservation_failed';

export interface AuditEntry {
  orderId: string;
  action: AuditAction;
  reason?: string | null;
  actor?: string;
}

export async function recordAudit(entry: AuditEntry): Promise<void> {
  await auditPool.query(
    `INSERT INTO order_audit (order_id, action, reason, actor, at)
     VALUES ($1, $2, $3, $4, now())`,
    [entry.orderId, entry.action, entry.reason ?? null, entry.actor ?? 'fulfilment-consumer']
  );
}

export async function recentAudit(orderId: string, limit = 20): Promise<AuditEntry[]> {
  const { rows } = await auditPool.query(
    `SELECT order_id AS "orderId", action, reason, actor
       FROM order_audit
      WHERE order_id = $1
      ORDER BY at DESC
      LIMIT $2`,
    [orderId, limit]
  );
  return rows;
}

export async function closeAudit(): Promise<void> {
  await auditPool.end();
}
