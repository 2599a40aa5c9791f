import { Service } from 'egg';
import type { ResultSetHeader } from 'mysql2/promise';

export default class OrderService extends Service {
  public async place(customerId: number, lines: { sku: string; qty: number }[]) {
    const conn = await this.app.catalogPool.getConnection();
    await conn.beginTransaction();

    const [order] = await conn.query<ResultSetHeader>(
      'INSERT INTO orders (customer_id, status, created_at) VALUES (?, ?, NOW())',
      [customerId, 'pending'],
    );

    for (const line of lines) {
      const [upd] = await conn.query<ResultSetHeader>(
        'UPDATE stock SET qty = qty - ? WHERE sku = ? AND qty >= ?',
        [line.qty, line.sku, line.qty],
      );
      if (upd.affectedRows === 0) {
        await conn.rollback();
        this.ctx.throw(409, `out of stock: ${line.sku}`);
      }
      await conn.query(
        'INSERT INTO order_lines (order_id, sku, qty, unit_price) SELECT ?, sku, ?, price_cents FROM products WHERE sku = ?',
        [order.insertId, line.qty, line.sku],
      );
    }

    await conn.commit();
    conn.release();
    this.ctx.logger.info('order %d placed with %d lines', order.insertId, lines.length);
    return order.insertId;
  }
}
