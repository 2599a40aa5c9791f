import pg from 'pg'

export const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 8,
})

export async function loadCursor(topicId: string): Promise<Date | null> {
  const { rows } = await pool.query<{ consensus_at: Date }>(
    'SELECT consensus_at FROM hcs_cursor WHERE topic_id = $1',
    [topicId],
  )
  return rows[0]?.consensus_at ?? null
}
