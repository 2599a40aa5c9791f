import { getDb } from "../lib/db";

interface RefundRequest {
  paymentId: string;
  amountCents: number;
  reason?: string;
}

export async function processRefund(body: Record<string, unknown>): Promise<void> {
  const req = body as unknown as RefundRequest;
  const db = getDb();

  const { rows } = await db.query(
    "select amount_cents, refunded_cents from payments where id = $1",
    [req.paymentId],
  );
  const payment = rows[0];
  if (!payment) throw new Error(`unknown payment ${req.paymentId}`);
  if (payment.refunded_cents + req.amountCents > payment.amount_cents) {
    throw new Error("refund exceeds captured amount");
  }

  await db.query(
    "update payments set refunded_cents = refunded_cents + $2 where id = $1",
    [req.paymentId, req.amountCents],
  );
  await db.query(
    "insert into refunds (payment_id, amount_cents, reason) values ($1, $2, $3)",
    [req.paymentId, req.amountCents, req.reason ?? null],
  );
}
