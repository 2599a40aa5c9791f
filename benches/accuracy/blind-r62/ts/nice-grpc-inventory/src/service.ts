import type pg from 'pg';
import type { Redis } from 'ioredis';
import { ServerError, Status, type CallContext } from 'nice-grpc';
import { setTimeout as sleep } from 'node:timers/promises';
import type {
  DeepPartial,
  GetStockRequest,
  InventoryServiceImplementation,
  Reservation,
  ReserveRequest,
  StockLevel,
} from './gen/inventory.js';

interface Deps {
  pool: pg.Pool;
  redis: Redis;
}

// Built once in main; every RPC below closes over the same pool and redis.
export function makeInventoryService({ pool, redis }: Deps): InventoryServiceImplementation {
  async function readLevel(sku: string, warehouse: string): Promise<StockLevel> {
    const { rows } = await pool.query(
      'SELECT on_hand, reserved FROM stock WHERE sku = $1 AND warehouse = $2',
      [sku, warehouse],
    );
    if (rows.length === 0) throw new ServerError(Status.NOT_FOUND, `unknown sku ${sku}@${warehouse}`);
    return { sku, warehouse, onHand: rows[0].on_hand, reserved: rows[0].reserved };
  }

  return {
    async getStock(request: GetStockRequest): Promise<DeepPartial<StockLevel>> {
      const cacheKey = `stock:${request.warehouse}:${request.sku}`;
      const cached = await redis.get(cacheKey);
      if (cached) return JSON.parse(cached);
      const level = await readLevel(request.sku, request.warehouse);
      await redis.set(cacheKey, JSON.stringify(level), 'EX', 5);
      return level;
    },

    async reserve(request: ReserveRequest): Promise<DeepPartial<Reservation>> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query(
          `UPDATE stock SET reserved = reserved + $3
            WHERE sku = $1 AND warehouse = $2 AND on_hand - reserved >= $3
            RETURNING on_hand - reserved AS remaining`,
          [request.sku, request.warehouse, request.quantity],
        );
        if (rows.length === 0) {
          await client.query('ROLLBACK');
          throw new ServerError(Status.FAILED_PRECONDITION, 'insufficient stock');
        }
        const { rows: [res] } = await client.query(
          'INSERT INTO reservations (order_id, sku, warehouse, quantity) VALUES ($1, $2, $3, $4) RETURNING id',
          [request.orderId, request.sku, request.warehouse, request.quantity],
        );
        await client.query('COMMIT');
        await redis.del(`stock:${request.warehouse}:${request.sku}`);
        return { reservationId: String(res.id), remaining: rows[0].remaining };
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },

    async *watchStock(request: GetStockRequest, context: CallContext): AsyncIterable<DeepPartial<StockLevel>> {
      let last = '';
      while (!context.signal.aborted) {
        const level = await readLevel(request.sku, request.warehouse);
        const snapshot = JSON.stringify(level);
        if (snapshot !== last) {
          last = snapshot;
          yield level;
        }
        try {
          await sleep(2_000, undefined, { signal: context.signal });
        } catch {
          return; // client went away
        }
      }
    },
  };
}
