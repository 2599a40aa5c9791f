import { r, HttpError, HttpStatus } from '@marblejs/http';
import { from, of } from 'rxjs';
import { catchError, map, mergeMap } from 'rxjs/operators';
import type { RowDataPacket } from 'mysql2/promise';
import { pool, writeAudit } from './db';

interface OrderRow extends RowDataPacket {
  id: number;
  customer_id: number;
  status: string;
  total_cents: number;
}

async function loadOrder(id: string): Promise<OrderRow | undefined> {
  const [rows] = await pool.query<OrderRow[]>('SELECT * FROM orders WHERE id = ?', [id]);
  return rows[0];
}

async function cancelOrder(id: string, actor: string): Promise<void> {
  const conn = await pool.getConnection();
  await conn.beginTransaction();
  await conn.query('UPDATE orders SET status = ? WHERE id = ?', ['cancelled', id]);
  await conn.query('UPDATE order_items SET reserved = 0 WHERE order_id = ?', [id]);
  await conn.commit();
  conn.release();
  await writeAudit(actor, 'order.cancel', id);
}

export const getOrder$ = r.pipe(
  r.matchPath('/orders/:id'),
  r.matchType('GET'),
  r.useEffect(req$ =>
    req$.pipe(
      map(req => (req.params as { id: string }).id),
      mergeMap(id => from(loadOrder(id))),
      mergeMap(order =>
        order ? of({ body: order }) : of(null).pipe(map(() => { throw new HttpError('Order not found', HttpStatus.NOT_FOUND); })),
      ),
    ),
  ),
);

export const cancelOrder$ = r.pipe(
  r.matchPath('/orders/:id/cancel'),
  r.matchType('POST'),
  r.useEffect(req$ =>
    req$.pipe(
      mergeMap(req => {
        const id = (req.params as { id: string }).id;
        const actor = String(req.headers['x-user-id'] ?? 'anonymous');
        return from(cancelOrder(id, actor)).pipe(
          map(() => ({ status: HttpStatus.NO_CONTENT })),
          catchError(err => { throw new HttpError(String(err), HttpStatus.CONFLICT); }),
        );
      }),
    ),
  ),
);
