import { Controller } from 'egg';
import mysql, { type RowDataPacket } from 'mysql2/promise';

export default class ReportController extends Controller {
  public async dailySales() {
    const { ctx, app } = this;
    const day = String(ctx.query.day ?? new Date().toISOString().slice(0, 10));

    // Reporting lives on the analytics replica, not on the catalog pool.
    const conn = await mysql.createConnection(app.config.reportingDb);
    try {
      const [rows] = await conn.query<RowDataPacket[]>(
        `SELECT sku, SUM(qty) AS units, SUM(qty * unit_price) AS revenue
           FROM order_lines_daily
          WHERE sales_day = ?
          GROUP BY sku
          ORDER BY revenue DESC
          LIMIT 100`,
        [day],
      );
      ctx.body = { day, rows };
    } finally {
      await conn.end();
    }
  }
}
