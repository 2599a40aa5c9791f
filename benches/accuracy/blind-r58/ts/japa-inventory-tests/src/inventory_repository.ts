import type { Redis } from 'ioredis';
import type pg from 'pg';

export type Queryable = Pick<pg.PoolClient, 'query'>;

export interface StockLevel {
  sku: string;
  warehouse: string;
  onHand: number;
  reserved: number;
}

export class InsufficientStockError extends Error {
  constructor(readonly sku: string, readonly requested: number, readonly available: number) {
    super(`Insufficient stock for ${sku}: requested ${requested}, available ${available}`);
  }
}

/**
 * The repository never creates connections: callers pass the connection
 * (request-scoped in the service, transaction-scoped in tests).
 */
export class InventoryRepository {
  constructor(private readonly db: Queryable, private readonly cache: Redis) {}

  async receive(sku: string, warehouse: string, quantity: number): Promise<void> {
    await this.db.query(
      `insert into stock (sku, warehouse, on_hand, reserved) values ($1, $2, $3, 0)
       on conflict (sku, warehouse) do update set on_hand = stock.on_hand + excluded.on_hand`,
      [sku, warehouse, quantity],
    );
    await this.cache.del(`stock:${sku}`);
  }

  async reserve(sku: string, warehouse: string, quantity: number): Promise<StockLevel> {
    const { rows } = await this.db.query<{ on_hand: number; reserved: number }>(
      'select on_hand, reserved from stock where sku = $1 and warehouse = $2 for update',
      [sku, warehouse],
    );
    const row = rows[0] ?? { on_hand: 0, reserved: 0 };
    const available = row.on_hand - row.reserved;
    if (available < quantity) {
      throw new InsufficientStockError(sku, quantity, available);
    }
    await this.db.query('update stock set reserved = reserved + $3 where sku = $1 and warehouse = $2', [
      sku,
      warehouse,
      quantity,
    ]);
    await this.cache.del(`stock:${sku}`);
    return { sku, warehouse, onHand: row.on_hand, reserved: row.reserved + quantity };
  }

  async available(sku: string): Promise<number> {
    const cached = await this.cache.get(`stock:${sku}`);
    if (cached !== null) return Number(cached);
    const { rows } = await this.db.query<{ available: string }>(
      'select coalesce(sum(on_hand - reserved), 0) as available from stock where sku = $1',
      [sku],
    );
    const available = Number(rows[0].available);
    await this.cache.set(`stock:${sku}`, String(available), 'EX', 30);
    return available;
  }
}
