import pg from "pg";

export interface Deposit {
  opId: string;
  txHash: string;
  from: string;
  asset: string;
  amount: string;
  memo: string | null;
  at: Date;
}

export interface Refund {
  opId: string;
  txHash: string;
  asset: string;
  amount: string;
  refundOf: string | null;
}

export class PaymentLedger {
  private readonly pool: pg.Pool;

  constructor(connectionString = process.env.LEDGER_DATABASE_URL) {
    this.pool = new pg.Pool({ connectionString, max: 5, idleTimeoutMillis: 30_000 });
  }

  async recordDeposit(d: Deposit): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const customer = await client.query<{ id: number }>(
        "SELECT id FROM customers WHERE deposit_memo = $1",
        [d.memo],
      );
      const customerId = customer.rows[0]?.id ?? null;
      await client.query(
        `INSERT INTO deposits (op_id, tx_hash, from_account, asset, amount, customer_id, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (op_id) DO NOTHING`,
        [d.opId, d.txHash, d.from, d.asset, d.amount, customerId, d.at],
      );
      if (customerId !== null) {
        await client.query(
          "UPDATE balances SET amount = amount + $1 WHERE customer_id = $2 AND asset = $3",
          [d.amount, customerId, d.asset],
        );
      }
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK");
      throw err;
    } finally {
      client.release();
    }
  }

  async recordRefund(r: Refund): Promise<void> {
    const client = await this.pool.connect();
    const seen = await client.query("SELECT 1 FROM refunds WHERE op_id = $1", [r.opId]);
    if (seen.rowCount) {
      return;
    }
    await client.query(
      "INSERT INTO refunds (op_id, tx_hash, asset, amount, refund_of) VALUES ($1, $2, $3, $4, $5)",
      [r.opId, r.txHash, r.asset, r.amount, r.refundOf],
    );
    client.release();
  }
}
