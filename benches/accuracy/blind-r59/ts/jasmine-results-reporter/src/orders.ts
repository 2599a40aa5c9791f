import { Pool, PoolClient } from "pg";

export type Queryable = Pool | PoolClient;

export interface OrderLine {
  sku: string;
  qty: number;
  unitCents: number;
}

export interface OrderTotals {
  subtotalCents: number;
  discountCents: number;
  taxCents: number;
  totalCents: number;
}

export function priceOrder(lines: OrderLine[], discountPct: number, taxRate: number): OrderTotals {
  if (discountPct < 0 || discountPct > 100) throw new RangeError("discount out of range");
  const subtotalCents = lines.reduce((sum, l) => sum + l.qty * l.unitCents, 0);
  const discountCents = Math.round((subtotalCents * discountPct) / 100);
  const taxCents = Math.round((subtotalCents - discountCents) * taxRate);
  return { subtotalCents, discountCents, taxCents, totalCents: subtotalCents - discountCents + taxCents };
}

export async function saveOrder(db: Queryable, customerId: string, lines: OrderLine[], totals: OrderTotals): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO orders (customer_id, lines, subtotal_cents, discount_cents, tax_cents, total_cents)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [customerId, JSON.stringify(lines), totals.subtotalCents, totals.discountCents, totals.taxCents, totals.totalCents],
  );
  return rows[0].id;
}

export async function ordersFor(db: Queryable, customerId: string): Promise<Array<{ id: string; total_cents: number }>> {
  const { rows } = await db.query(
    `SELECT id, total_cents FROM orders WHERE customer_id = $1 ORDER BY created_at`,
    [customerId],
  );
  return rows;
}
