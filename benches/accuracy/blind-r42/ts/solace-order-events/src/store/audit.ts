import pg from 'pg'

const auditPool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 5,
  application_name: 'order-events-audit',
})

export async function recordEvent(topic: string, orderId: string, payload: unknown) {
  await auditPool.query(
    'INSERT INTO order_event_log (topic, order_id, payload, received_at) VALUES ($1, $2, $3, now())',
    [topic, orderId, JSON.stringify(payload)],
  )
}
