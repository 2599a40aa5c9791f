import pg from 'pg';

// Tool-call audit trail, written into the support database's audit schema.
const auditPool = new pg.Pool({
  connectionString: process.env.SUPPORT_DB_URL,
  max: 4,
});

export interface ToolCallRecord {
  conversationId: string;
  toolName: string;
  args: unknown;
}

export async function recordToolCalls(calls: ToolCallRecord[]): Promise<void> {
  if (calls.length === 0) return;
  const values: unknown[] = [];
  const rows = calls.map((c, i) => {
    values.push(c.conversationId, c.toolName, JSON.stringify(c.args));
    return `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3}::jsonb)`;
  });
  await auditPool.query(
    `INSERT INTO audit.tool_calls (conversation_id, tool_name, args) VALUES ${rows.join(', ')}`,
    values,
  );
}
