import type { Pool, RowDataPacket } from 'mysql2/promise';
import type Redis from 'ioredis';

export interface Deps {
  db: Pool;
  redis: Redis;
}

export interface OrderSummary {
  orderNumber: string;
  status: 'placed' | 'packed' | 'shipped' | 'delivered' | 'cancelled';
  eta: string | null;
  carrier: string | null;
}

export function makeOrders({ db, redis }: Deps) {
  async function latestForEmail(email: string): Promise<OrderSummary | null> {
    const cacheKey = `assistant:latest:${email}`;
    const cached = await redis.get(cacheKey);
    if (cached) return JSON.parse(cached);

    const [rows] = await db.query<RowDataPacket[]>(
      `SELECT o.order_number AS orderNumber, o.status, s.eta, s.carrier
         FROM orders o
         JOIN customers c ON c.id = o.customer_id
         LEFT JOIN shipments s ON s.order_id = o.id
        WHERE c.email = ?
        ORDER BY o.placed_at DESC
        LIMIT 1`,
      [email]
    );
    const summary = (rows[0] as OrderSummary | undefined) ?? null;
    if (summary) await redis.set(cacheKey, JSON.stringify(summary), 'EX', 120);
    return summary;
  }

  async function cancel(email: string, orderNumber: string): Promise<boolean> {
    const conn = await db.getConnection();
    try {
      await conn.beginTransaction();
      const [result] = await conn.execute<any>(
        `UPDATE orders o JOIN customers c ON c.id = o.customer_id
            SET o.status = 'cancelled'
          WHERE o.order_number = ? AND c.email = ? AND o.status IN ('placed', 'packed')`,
        [orderNumber, email]
      );
      if (result.affectedRows === 1) {
        await conn.execute(
          `INSERT INTO order_events (order_number, kind, source, at) VALUES (?, 'cancelled', 'assistant', NOW())`,
          [orderNumber]
        );
      }
      await conn.commit();
      await redis.del(`assistant:latest:${email}`);
      return result.affectedRows === 1;
    } catch (err) {
      await conn.rollback();
      throw err;
    } finally {
      conn.release();
    }
  }

  return { latestForEmail, cancel };
}
