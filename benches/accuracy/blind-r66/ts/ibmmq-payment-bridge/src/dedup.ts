import postgres from 'postgres';

// Idempotency store; reached through the payments PgBouncer (transaction pooling).
const sql = postgres(
  process.env.DEDUP_DATABASE_URL ?? 'postgres://bridge@pgbouncer.payments.internal:6543/payments',
  { max: 5, idle_timeout: 30 },
);

/** Returns true the first time a payment id is seen. */
export async function firstSighting(paymentId: string, msgId: string): Promise<boolean> {
  const rows = await sql`
    INSERT INTO mq_dedup (payment_id, mq_msg_id, seen_at)
    VALUES (${paymentId}, ${msgId}, now())
    ON CONFLICT (payment_id) DO NOTHING
    RETURNING payment_id`;
  return rows.length === 1;
}

export async function closeDedup(): Promise<void> {
  await sql.end({ timeout: 5 });
}
