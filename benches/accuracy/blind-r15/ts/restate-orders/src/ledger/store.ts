import { Pool } from "pg";

// Ledger entries live in the same orders database (schema "ledger").
const ledgerPool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 8,
  application_name: "restate-ledger",
});

export async function appendEntry(orderId: string, amountCents: number, kind: "charge" | "refund") {
  await ledgerPool.query(
    "insert into ledger.entries (order_id, amount_cents, kind) values ($1, $2, $3) on conflict do nothing",
    [orderId, amountCents, kind],
  );
}

export async function balanceFor(customerId: string): Promise<number> {
  const { rows } = await ledgerPool.query(
    "select coalesce(sum(amount_cents), 0)::int as total from ledger.entries e join orders o on o.id = e.order_id where o.customer_id = $1",
    [customerId],
  );
  return rows[0].total;
}
