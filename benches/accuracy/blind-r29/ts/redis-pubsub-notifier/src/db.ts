import postgres from 'postgres';

export const sql = postgres(process.env.DATABASE_URL ?? 'postgres://shop@localhost:5432/shop', {
  max: 5,
  idle_timeout: 30,
  connection: { application_name: 'order-notifier' },
});

export interface OrderRow {
  id: string;
  customer_email: string;
  customer_name: string;
  locale: string;
  total_cents: number;
  currency: string;
  status: string;
}

export async function loadOrder(orderId: string): Promise<OrderRow | undefined> {
  const [row] = await sql<OrderRow[]>`
    SELECT o.id, c.email AS customer_email, c.full_name AS customer_name, c.locale,
           o.total_cents, o.currency, o.status
      FROM orders o
      JOIN customers c ON c.id = o.customer_id
     WHERE o.id = ${orderId}
  `;
  return row;
}

export async function markNotified(orderId: string, event: string, messageId: string): Promise<boolean> {
  const rows = await sql`
    INSERT INTO order_notifications (order_id, event, ses_message_id, sent_at)
    VALUES (${orderId}, ${event}, ${messageId}, now())
    ON CONFLICT (order_id, event) DO NOTHING
    RETURNING order_id
  `;
  return rows.length > 0;
}

export async function alreadyNotified(orderId: string, event: string): Promise<boolean> {
  const [row] = await sql`SELECT 1 FROM order_notifications WHERE order_id = ${orderId} AND event = ${event}`;
  return Boolean(row);
}
