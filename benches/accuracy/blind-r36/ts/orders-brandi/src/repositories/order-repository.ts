import { injected } from "brandi";
import { Pool } from "pg";
import type { Config } from "../config.js";
import { TOKENS } from "../tokens.js";

export interface Order {
  id: string;
  customerId: string;
  status: string;
  totalCents: number;
}

export class OrderRepository {
  private readonly pool: Pool;

  constructor(config: Config) {
    this.pool = new Pool({ connectionString: config.databaseUrl, max: 5 });
  }

  async findById(id: string): Promise<Order | undefined> {
    const { rows } = await this.pool.query(
      `SELECT id, customer_id AS "customerId", status, total_cents AS "totalCents" FROM orders WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async updateStatus(id: string, status: string): Promise<void> {
    await this.pool.query("UPDATE orders SET status = $2, updated_at = now() WHERE id = $1", [id, status]);
  }
}

injected(OrderRepository, TOKENS.config);
