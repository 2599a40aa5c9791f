import mysql from 'mysql2/promise';
import { Client } from 'cassandra-driver';
import { pool, stockRow } from './db';
import { skuExists } from './catalog';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const ttypes = require('../gen-nodejs/inventory_types');

const REPORTING_DB_URL = process.env.REPORTING_DB_URL ?? 'mysql://reporting:reporting@127.0.0.1:3306/reporting';

// stock movement log (same cluster and keyspace as catalog.ts)
const movements = new Client({
  contactPoints: (process.env.CASSANDRA_HOSTS ?? '127.0.0.1').split(','),
  localDataCenter: process.env.CASSANDRA_DC ?? 'dc1',
  keyspace: 'inventory',
});

// Handler object passed to thrift.createServer; each method runs once per RPC call.
export const inventoryHandler = {
  async getStock(sku: string) {
    if (!(await skuExists(sku))) throw new Error(`unknown sku ${sku}`);
    const row = await stockRow(sku);
    return new ttypes.StockLevel({ sku, available: row?.available ?? 0, reserved: row?.reserved ?? 0 });
  },

  async reserveStock(orderId: string, sku: string, qty: number) {
    const conn = await pool.getConnection();
    await conn.beginTransaction();
    const [rows] = await conn.query<mysql.RowDataPacket[]>(
      'SELECT available FROM stock WHERE sku = ? FOR UPDATE',
      [sku],
    );
    const available = (rows[0]?.available as number | undefined) ?? 0;
    if (available < qty) {
      await conn.rollback();
      throw new ttypes.OutOfStock({ sku, available });
    }
    await conn.query('UPDATE stock SET available = available - ?, reserved = reserved + ? WHERE sku = ?', [
      qty,
      qty,
      sku,
    ]);
    await conn.query('INSERT INTO reservations (order_id, sku, qty) VALUES (?, ?, ?)', [orderId, sku, qty]);
    await conn.commit();
    conn.release();

    await movements.execute(
      'INSERT INTO stock_movements (sku, at, delta, ref) VALUES (?, toTimestamp(now()), ?, ?)',
      [sku, -qty, orderId],
      { prepare: true },
    );
    return true;
  },

  async getPriceHistory(sku: string, days: number) {
    const reporting = mysql.createPool({ uri: REPORTING_DB_URL, connectionLimit: 2 });
    try {
      const [rows] = await reporting.query<mysql.RowDataPacket[]>(
        `SELECT DATE_FORMAT(day, '%Y-%m-%d') AS day, price FROM daily_prices
          WHERE sku = ? AND day >= CURDATE() - INTERVAL ? DAY ORDER BY day`,
        [sku, Math.min(days, 365)],
      );
      return rows.map((r) => new ttypes.PricePoint({ day: r.day, price: Number(r.price) }));
    } finally {
      await reporting.end();
    }
  },
};
