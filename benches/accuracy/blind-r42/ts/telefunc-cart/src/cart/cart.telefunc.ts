import { getContext, Abort } from 'telefunc'
import { pool, redis } from '../../server/db.js'

type CartLine = { sku: string; qty: number; unitPriceCents: number }

function requireUser(): string {
  const { userId } = getContext()
  if (!userId) throw Abort()
  return userId
}

export async function onLoadCart(): Promise<CartLine[]> {
  const userId = requireUser()
  const cached = await redis.get(`cart:${userId}`)
  if (cached) return JSON.parse(cached) as CartLine[]

  const { rows } = await pool.query<CartLine>(
    `SELECT sku, qty, unit_price_cents AS "unitPriceCents"
       FROM cart_lines WHERE user_id = $1 ORDER BY added_at`,
    [userId],
  )
  await redis.set(`cart:${userId}`, JSON.stringify(rows), 'EX', 60)
  return rows
}

export async function onAddItem(sku: string, qty: number): Promise<void> {
  const userId = requireUser()
  await pool.query(
    `INSERT INTO cart_lines (user_id, sku, qty, unit_price_cents)
     SELECT $1, sku, $3, price_cents FROM products WHERE sku = $2
     ON CONFLICT (user_id, sku) DO UPDATE SET qty = cart_lines.qty + EXCLUDED.qty`,
    [userId, sku, qty],
  )
  await redis.del(`cart:${userId}`)
}

export async function onCheckout(): Promise<{ ok: boolean; orderId?: number; missing?: string[] }> {
  const userId = requireUser()
  const client = await pool.connect()
  await client.query('BEGIN')

  const { rows: short } = await client.query<{ sku: string }>(
    `SELECT c.sku FROM cart_lines c JOIN stock s ON s.sku = c.sku
      WHERE c.user_id = $1 AND s.available < c.qty FOR UPDATE OF s`,
    [userId],
  )
  if (short.length > 0) {
    await client.query('ROLLBACK')
    return { ok: false, missing: short.map((r) => r.sku) }
  }

  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO orders (user_id, total_cents)
     SELECT $1, sum(qty * unit_price_cents) FROM cart_lines WHERE user_id = $1
     RETURNING id`,
    [userId],
  )
  await client.query(
    `UPDATE stock s SET available = s.available - c.qty
       FROM cart_lines c WHERE c.sku = s.sku AND c.user_id = $1`,
    [userId],
  )
  await client.query('DELETE FROM cart_lines WHERE user_id = $1', [userId])
  await client.query('COMMIT')
  client.release()

  await redis.del(`cart:${userId}`)
  return { ok: true, orderId: rows[0].id }
}
