import type { Request, Response } from 'express';
import { userIdFrom } from '../_utils/auth';
import { getPool } from '../_utils/db';

export default async (req: Request, res: Response) => {
  const userId = userIdFrom(req);
  if (!userId) return res.status(401).json({ error: 'unauthenticated' });

  const client = await getPool().connect();
  try {
    const { rows: totals } = await client.query(
      `SELECT count(*)::int AS orders, coalesce(sum(total_cents), 0)::int AS spent_cents
         FROM orders WHERE user_id = $1 AND status <> 'cancelled'`,
      [userId],
    );
    const { rows: favourites } = await client.query(
      `SELECT p.name, sum(li.quantity)::int AS qty
         FROM line_items li JOIN products p ON p.id = li.product_id JOIN orders o ON o.id = li.order_id
        WHERE o.user_id = $1
        GROUP BY p.name ORDER BY qty DESC LIMIT 3`,
      [userId],
    );
    return res.json({ ...totals[0], favourites });
  } finally {
    client.release();
  }
};
