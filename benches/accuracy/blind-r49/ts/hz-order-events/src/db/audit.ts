import pg from "pg";

const auditPool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 5,
  application_name: "hz-order-events-audit",
});

export async function writeAudit(kind: string, key: string, payload: unknown): Promise<void> {
  await auditPool.query(
    "INSERT INTO order_audit (kind, order_id, payload, at) VALUES ($1, $2, $3, now())",
    [kind, key, JSON.stringify(payload)],
  );
}
