import knex from "knex";

// Audit trail for board changes. Same database, separate table.
const auditDb = knex({
  client: "pg",
  connection: process.env.DATABASE_URL,
});

export interface AuditEntry {
  boardId: string;
  actor: string;
  action: string;
  payload: unknown;
}

export async function writeAudit(entry: AuditEntry): Promise<void> {
  await auditDb("board_audit").insert({
    board_id: entry.boardId,
    actor: entry.actor,
    action: entry.action,
    payload: JSON.stringify(entry.payload),
    created_at: auditDb.fn.now(),
  });
}
