import oracledb from 'oracledb'
import { createPool, RETURNS_QUEUE } from '../lib/db'

type RefundRequest = { returnId: number; orderId: string; sku: string }

let stopping = false
process.on('SIGTERM', () => {
  stopping = true
})

async function issueRefund(conn: oracledb.Connection, req: RefundRequest): Promise<void> {
  const { rows } = await conn.execute<{ PRICE_CENTS: number; PAYMENT_REF: string }>(
    `SELECT ol.price_cents, o.payment_ref
       FROM order_lines ol JOIN orders o ON o.id = ol.order_id
      WHERE ol.order_id = :orderId AND ol.sku = :sku`,
    { orderId: req.orderId, sku: req.sku },
  )
  const line = rows?.[0]
  if (!line) throw new Error(`order line ${req.orderId}/${req.sku} not found`)

  // Payment provider API: plain fetch, no connection pool of our own.
  const resp = await fetch(`${process.env.PAYMENTS_URL}/refunds`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.PAYMENTS_TOKEN}` },
    body: JSON.stringify({ payment: line.PAYMENT_REF, amount: line.PRICE_CENTS, idempotencyKey: `return-${req.returnId}` }),
  })
  if (!resp.ok) throw new Error(`refund failed: ${resp.status}`)

  await conn.execute(
    `UPDATE returns SET status = 'refunded', refunded_cents = :amount WHERE id = :id`,
    { amount: line.PRICE_CENTS, id: req.returnId },
  )
}

async function main() {
  const pool = await createPool('worker')

  while (!stopping) {
    const conn = await pool.getConnection()
    try {
      const queue = await conn.getQueue(RETURNS_QUEUE, { payloadType: oracledb.DB_TYPE_JSON })
      queue.deqOptions.wait = 5
      const msg = await queue.deqOne()
      if (!msg) continue
      await issueRefund(conn, msg.payload as RefundRequest)
      await conn.commit()
    } catch (err) {
      console.error('refund message failed; rolled back for redelivery', err)
      await conn.rollback().catch(() => {})
    } finally {
      await conn.close()
    }
  }

  await pool.close(10)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
