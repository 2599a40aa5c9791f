import { log, types } from 'wechaty';
import type { Message } from 'wechaty';
import mysql from 'mysql2/promise';
import type { RowDataPacket } from 'mysql2/promise';
import { pool, type StockRow } from '../db.js';
import { cachedReply, storeReply } from '../cache.js';
import { allow } from '../ratelimit.js';

const ORDER_RE = /^#order\s+([A-Z0-9-]{6,20})$/i;
const STOCK_RE = /^#stock\s+([A-Z0-9-]{3,32})$/i;

export async function onMessage(msg: Message): Promise<void> {
  if (msg.self() || msg.type() !== types.Message.Text) return;

  const text = msg.text().trim();
  if (!text.startsWith('#')) return;

  const talker = msg.talker();
  if (!(await allow(talker.id))) {
    await msg.say('Too many lookups, please wait a minute.');
    return;
  }

  try {
    const order = ORDER_RE.exec(text);
    if (order) {
      await lookupOrder(msg, order[1].toUpperCase());
      return;
    }
    const stock = STOCK_RE.exec(text);
    if (stock) {
      await checkStock(msg, stock[1].toUpperCase());
      return;
    }
    if (text === '#help') {
      await msg.say('Commands: #order <order no>, #stock <sku>');
    }
  } catch (err) {
    log.error('orders-bot', 'handler failed for "%s": %s', text, (err as Error).message);
    await msg.say('Lookup failed, the on-call engineer has been notified.');
  }
}

async function lookupOrder(msg: Message, orderNo: string): Promise<void> {
  const cached = await cachedReply(`order:${orderNo}`);
  if (cached) {
    await msg.say(cached);
    return;
  }

  // Orders live in the ERP read replica, not in the WMS database.
  const erp = mysql.createPool({
    host: process.env.ERP_DB_HOST,
    user: process.env.ERP_DB_USER,
    password: process.env.ERP_DB_PASSWORD,
    database: 'erp',
    connectionLimit: 4,
  });
  const [rows] = await erp.query<RowDataPacket[]>(
    `SELECT o.order_no, o.status, c.name AS customer, COUNT(l.id) AS lines
       FROM orders o
       JOIN customers c ON c.id = o.customer_id
       JOIN order_lines l ON l.order_id = o.id
      WHERE o.order_no = ?
      GROUP BY o.id`,
    [orderNo],
  );

  if (rows.length === 0) {
    await msg.say(`Order ${orderNo} not found.`);
    return;
  }
  const o = rows[0];
  const reply = `${o.order_no}: ${o.status} (${o.customer}, ${o.lines} lines)`;
  await storeReply(`order:${orderNo}`, reply);
  await msg.say(reply);
}

async function checkStock(msg: Message, sku: string): Promise<void> {
  const conn = await pool.getConnection();
  const [rows] = await conn.query<(StockRow & RowDataPacket)[]>(
    'SELECT sku, location, on_hand, reserved FROM stock WHERE sku = ? ORDER BY location',
    [sku],
  );
  if (rows.length === 0) {
    await msg.say(`No stock records for ${sku}.`);
    return;
  }
  await conn.query('INSERT INTO stock_lookups (sku, asked_by, asked_at) VALUES (?, ?, NOW())', [
    sku,
    msg.talker().name(),
  ]);
  conn.release();

  const lines = rows.map((r) => `${r.location}: ${r.on_hand - r.reserved} free / ${r.on_hand}`);
  await msg.say([`Stock for ${sku}:`, ...lines].join('\n'));
}
