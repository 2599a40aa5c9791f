import pg from "pg";

// Audit trail of everything the bot did. Kept separate from db.ts so the
// handlers don't need to know about the audit schema.
const auditPool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 4,
  application_name: "triage-bot-audit",
});

export type AuditAction =
  | "labelled"
  | "assigned"
  | "commented"
  | "skipped";

export async function recordAudit(
  deliveryId: string,
  repo: string,
  action: AuditAction,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await auditPool.query(
    `insert into bot_audit (delivery_id, repo_full_name, action, detail, created_at)
     values ($1, $2, $3, $4::jsonb, now())`,
    [deliveryId, repo, action, JSON.stringify(detail)],
  );
}

export async function recentActions(repo: string, limit = 50) {
  const { rows } = await auditPool.query(
    `select delivery_id, action, detail, created_at
       from bot_audit where repo_full_name = $1
      order by created_at desc limit $2`,
    [repo, limit],
  );
  return rows;
}
