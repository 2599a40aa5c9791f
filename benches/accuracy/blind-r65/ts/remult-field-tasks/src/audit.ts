import pg from 'pg'

export function openAuditDb(): pg.Pool {
  return new pg.Pool({
    connectionString: process.env.AUDIT_DATABASE_URL,
    max: 4,
  })
}

export interface AuditEntry {
  entity: string
  entityId: string
  action: 'create' | 'update'
  userId: string | undefined
  changes: Record<string, unknown>
}
