import mysql from 'mysql2/promise';
import Redis from 'ioredis';

// Shop database: the same MySQL primary whose binlog we tail.
export const pool = mysql.createPool({
  host: process.env.SHOP_DB_HOST ?? '127.0.0.1',
  port: Number(process.env.SHOP_DB_PORT ?? 3306),
  user: process.env.SHOP_DB_USER ?? 'indexer',
  password: process.env.SHOP_DB_PASSWORD,
  database: 'shop',
  connectionLimit: 4,
});

export interface BinlogCursor {
  file: string;
  position: number;
}

export async function currentBinlogPosition(): Promise<BinlogCursor> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>('SHOW MASTER STATUS');
  if (rows.length === 0) {
    throw new Error('binary logging is disabled on the shop database');
  }
  return { file: String(rows[0].File), position: Number(rows[0].Position) };
}

// Resume position, stored outside MySQL so a replica rebuild does not lose it.
const CURSOR_KEY = 'cdc:shop:binlog-cursor';
export const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 3 });

export async function loadCursor(): Promise<BinlogCursor | null> {
  const raw = await redis.get(CURSOR_KEY);
  return raw ? (JSON.parse(raw) as BinlogCursor) : null;
}

export async function saveCursor(cursor: BinlogCursor): Promise<void> {
  await redis.set(CURSOR_KEY, JSON.stringify(cursor));
}
