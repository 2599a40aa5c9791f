import { Database } from '../database';

export interface OrderLine {
  sku: string;
  qty: number;
  unitPriceCents: number;
}

export interface CreateOrder {
  customerId: string;
  lines: OrderLine[];
}

export interface Order {
  id: number;
  customer_id: string;
  status: string;
  total_cents: number;
  created_at: Date;
}

/** Thin query wrapper around the shared pool; cheap to instantiate. */
export class OrderRepository {
  constructor(private readonly db: Database) {}

  async find(id: number): Promise<Order | undefined> {
    const rows = await this.db.query<Order>('SELECT * FROM orders WHERE id = $1', [id]);
    return rows[0];
  }

  create(input: CreateOrder): Promise<number> {
    return this.db.transaction(async (client) => {
      const total = input.lines.reduce((sum, l) => sum + l.qty * l.unitPriceCents, 0);
      const { rows } = await client.query<{ id: number }>(
        'INSERT INTO orders (customer_id, status, total_cents) VALUES ($1, $2, $3) RETURNING id',
        [input.customerId, 'new', total],
      );
      const orderId = rows[0].id;
      for (const line of input.lines) {
        await client.query('INSERT INTO order_lines (order_id, sku, qty, unit_price_cents) VALUES ($1, $2, $3, $4)', [
          orderId,
          line.sku,
          line.qty,
          line.unitPriceCents,
        ]);
      }
      return orderId;
    });
  }
}
