import { Pool } from 'pg'

export interface OrderRow {
  order_number: string
  status: string
  carrier: string | null
  tracking_number: string | null
  eta: Date | null
}

export const pool = new Pool({
  connectionString: process.env.ORDERS_DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 30000,
  application_name: 'botpress-order-lookup'
})

pool.on('error', err => {
  console.error('[order-lookup] idle pg client error', err)
})

export async function findOrder(orderNumber: string): Promise<OrderRow | undefined> {
  const { rows } = await pool.query<OrderRow>(
    `SELECT order_number, status, carrier, tracking_number, eta
       FROM orders
      WHERE order_number = $1`,
    [orderNumber]
  )
  return rows[0]
}

export function formatOrder(order: OrderRow): string {
  const eta = order.eta ? ` Estimated delivery: ${order.eta.toISOString().slice(0, 10)}.` : ''
  const tracking = order.tracking_number ? ` Tracking: ${order.carrier} ${order.tracking_number}.` : ''
  return `Order ${order.order_number} is ${order.status.replace(/_/g, ' ')}.${eta}${tracking}`
}
