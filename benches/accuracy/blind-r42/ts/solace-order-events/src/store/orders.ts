import pg from 'pg'

export const ordersDb = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
})

export async function markPaid(orderId: string, paidAt: string) {
  await ordersDb.query(
    `UPDATE orders SET status = 'paid', paid_at = $2 WHERE id = $1 AND status = 'pending'`,
    [orderId, paidAt],
  )
}

export async function markCancelled(orderId: string, reason: string) {
  await ordersDb.query(
    `UPDATE orders SET status = 'cancelled', cancel_reason = $2 WHERE id = $1`,
    [orderId, reason],
  )
}

export async function markShipped(orderId: string, carrier: string, tracking: string) {
  await ordersDb.query(
    `UPDATE orders SET status = 'shipped', carrier = $2, tracking_number = $3 WHERE id = $1`,
    [orderId, carrier, tracking],
  )
}
