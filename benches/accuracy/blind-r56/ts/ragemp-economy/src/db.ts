import mysql, { RowDataPacket } from 'mysql2/promise';

export const db = mysql.createPool({
  host: process.env.DB_HOST ?? '127.0.0.1',
  port: Number(process.env.DB_PORT ?? 3306),
  user: process.env.DB_USER ?? 'lsrp',
  password: process.env.DB_PASSWORD,
  database: process.env.DB_NAME ?? 'lsrp',
  connectionLimit: 10,
  waitForConnections: true,
});

export interface AccountRow extends RowDataPacket {
  id: number;
  name: string;
  cash: number;
  bank: number;
  pos_x: number;
  pos_y: number;
  pos_z: number;
}

export async function savePlayer(accountId: number, cash: number, pos: Vector3): Promise<void> {
  await db.execute(
    'UPDATE accounts SET cash = ?, pos_x = ?, pos_y = ?, pos_z = ?, last_seen = NOW() WHERE id = ?',
    [cash, pos.x, pos.y, pos.z, accountId],
  );
}

export async function topBalances(limit: number): Promise<{ name: string; total: number }[]> {
  const [rows] = await db.query<RowDataPacket[]>(
    'SELECT name, cash + bank AS total FROM accounts ORDER BY total DESC LIMIT ?',
    [limit],
  );
  return rows as { name: string; total: number }[];
}
