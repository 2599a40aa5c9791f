import type { ColumnType, Generated } from 'kysely'

export interface UsersTable {
  id: Generated<number>
  email: string
  display_name: string
  last_seen_at: ColumnType<Date, string | undefined, string>
}

export interface AuditTable {
  id: Generated<number>
  actor_id: number
  action: string
  payload: unknown
  created_at: ColumnType<Date, string | undefined, never>
}

export interface Database {
  users: UsersTable
  audit_log: AuditTable
}

export interface MetricsDatabase {
  request_rollup: {
    bucket: Date
    route: string
    count: number
    p95_ms: number
  }
}
