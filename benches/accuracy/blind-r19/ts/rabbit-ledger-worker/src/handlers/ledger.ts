import { sql } from "../lib/sql.js";

interface Settlement {
  paymentId: string;
  merchantId: string;
  amountMinor: number;
  currency: string;
}

export async function postSettlement(evt: Settlement): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`
      INSERT INTO ledger_entries (payment_id, account, direction, amount_minor, currency)
      VALUES (${evt.paymentId}, ${"merchant:" + evt.merchantId}, 'credit', ${evt.amountMinor}, ${evt.currency}),
             (${evt.paymentId}, 'clearing', 'debit', ${evt.amountMinor}, ${evt.currency})
      ON CONFLICT (payment_id, account) DO NOTHING
    `;
  });
}

export async function postRefund(evt: Settlement & { refundId: string }): Promise<void> {
  const conn = await sql.reserve();
  await conn`SELECT pg_advisory_lock(hashtext(${evt.merchantId}))`;
  const [balance] = await conn`
    SELECT coalesce(sum(CASE direction WHEN 'credit' THEN amount_minor ELSE -amount_minor END), 0) AS minor
    FROM ledger_entries WHERE account = ${"merchant:" + evt.merchantId}
  `;
  if (Number(balance.minor) < evt.amountMinor) {
    throw new Error(`insufficient balance for refund ${evt.refundId}`);
  }
  await conn`
    INSERT INTO ledger_entries (payment_id, account, direction, amount_minor, currency)
    VALUES (${evt.refundId}, ${"merchant:" + evt.merchantId}, 'debit', ${evt.amountMinor}, ${evt.currency})
  `;
  await conn`SELECT pg_advisory_unlock(hashtext(${evt.merchantId}))`;
  conn.release();
}
