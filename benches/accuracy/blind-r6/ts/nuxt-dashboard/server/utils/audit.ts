import pg from 'pg'

// audit rows are written with plain SQL so they can be copied straight into the SIEM export
const auditPool = new pg.Pool({ connectionString: useRuntimeConfig().databaseUrl, max: 5 })

export async function writeAudit(actorId: number, action: string, payload: unknown): Promise<void> {
  await auditPool.query('insert into audit_log (actor_id, action, payload) values ($1, $2, $3)', [
    actorId,
    action,
    JSON.stringify(payload),
  ])
}

export async function recentAudit(limit = 50) {
  const { rows } = await auditPool.query(
    'select id, actor_id, action, payload, created_at from audit_log order by id desc limit $1',
    [limit],
  )
  return rows
}
