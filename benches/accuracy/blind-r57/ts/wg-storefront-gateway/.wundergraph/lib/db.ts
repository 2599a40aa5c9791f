import { Pool } from 'pg';
import Redis from 'ioredis';

export const pool = new Pool({
  connectionString: process.env.SHOP_DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 30_000,
});

export const limiter = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/1');

export interface AuditEntry {
  actor: string;
  action: string;
  subject: string;
  payload: unknown;
}

export async function recordAudit(entries: AuditEntry[]): Promise<void> {
  const client = await pool.connect();
  await client.query('BEGIN');
  for (const e of entries) {
    await client.query(
      `INSERT INTO audit_log (actor, action, subject, payload, created_at)
       VALUES ($1, $2, $3, $4::jsonb, now())`,
      [e.actor, e.action, e.subject, JSON.stringify(e.payload)],
    );
  }
  await client.query('COMMIT');
  client.release();
}

export async function awardLoyaltyPoints(customerId: string, orderId: string, cents: number): Promise<number> {
  const points = Math.floor(cents / 100);
  const { rows } = await pool.query<{ balance: number }>(
    `INSERT INTO loyalty (customer_id, balance) VALUES ($1, $2)
     ON CONFLICT (customer_id) DO UPDATE SET balance = loyalty.balance + EXCLUDED.balance
     RETURNING balance`,
    [customerId, points],
  );
  await pool.query('INSERT INTO loyalty_events (customer_id, order_id, points) VALUES ($1, $2, $3)', [
    customerId,
    orderId,
    points,
  ]);
  return rows[0].balance;
}

// Sliding one-minute window per customer, shared by all gateway hooks.
export async function allowOrder(customerId: string, perMinute = 5): Promise<boolean> {
  const key = `rl:order:${customerId}:${Math.floor(Date.now() / 60_000)}`;
  const n = await limiter.incr(key);
  if (n === 1) await limiter.expire(key, 90);
  return n <= perMinute;
}
