import pg from "pg";

export const pool = new pg.Pool({
  connectionString: process.env.PAYOUTS_DATABASE_URL,
  max: 6,
});

export async function merchantByInbox(inboxId: string) {
  const { rows } = await pool.query<{ id: string; name: string }>(
    "SELECT id, name FROM merchants WHERE xmtp_inbox_id = $1",
    [inboxId],
  );
  return rows[0] ?? null;
}

export async function latestPayout(merchantId: string) {
  const { rows } = await pool.query<{ amount_cents: number; paid_at: Date; receipt_key: string }>(
    "SELECT amount_cents, paid_at, receipt_key FROM payouts WHERE merchant_id = $1 ORDER BY paid_at DESC LIMIT 1",
    [merchantId],
  );
  return rows[0] ?? null;
}
