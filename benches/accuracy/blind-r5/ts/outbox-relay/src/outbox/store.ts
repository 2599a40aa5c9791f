import { Pool } from 'pg'

export type OutboxRow = {
  id: string
  aggregate_type: string
  aggregate_id: string
  event_type: string
  payload: unknown
  created_at: Date
}

const db = new Pool({ connectionString: process.env.DATABASE_URL, max: 4 })

export async function fetchBatch(limit: number): Promise<OutboxRow[]> {
  const { rows } = await db.query<OutboxRow>(
    `select id, aggregate_type, aggregate_id, event_type, payload, created_at
       from outbox
      where sent_at is null
      order by created_at
      limit $1`,
    [limit],
  )
  return rows
}

export async function markSent(ids: string[]): Promise<void> {
  if (ids.length === 0) return
  await db.query('update outbox set sent_at = now() where id = any($1::uuid[])', [ids])
}
