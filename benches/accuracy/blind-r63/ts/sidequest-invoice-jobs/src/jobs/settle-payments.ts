import { Job } from "sidequest";
import { pool } from "../db.js";

type Payout = { id: string; invoice_id: string; amount_cents: number };

export class SettlePaymentsJob extends Job {
  async run(batchId: string) {
    const client = await pool.connect();
    await client.query("begin");

    const { rows: payouts } = await client.query<Payout>(
      "select id, invoice_id, amount_cents from payouts where batch_id = $1 and settled_at is null for update skip locked",
      [batchId]
    );
    if (payouts.length === 0) {
      await client.query("rollback");
      return { settled: 0 };
    }

    for (const p of payouts) {
      await client.query("update invoices set paid_cents = paid_cents + $2 where id = $1", [p.invoice_id, p.amount_cents]);
      await client.query("update payouts set settled_at = now() where id = $1", [p.id]);
    }
    await client.query("commit");
    client.release();
    return { settled: payouts.length };
  }
}
