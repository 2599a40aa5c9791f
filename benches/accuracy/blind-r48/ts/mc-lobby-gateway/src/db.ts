import mysql from 'mysql2/promise';

export const db = mysql.createPool({
  host: process.env.MYSQL_HOST ?? '127.0.0.1',
  user: process.env.MYSQL_USER ?? 'lobby',
  password: process.env.MYSQL_PASSWORD,
  database: process.env.MYSQL_DATABASE ?? 'lobby',
  connectionLimit: 8,
});

export async function openSession(uuid: string, username: string, address: string): Promise<number> {
  const conn = await db.getConnection();
  try {
    await conn.beginTransaction();
    await conn.execute(
      `INSERT INTO players (uuid, username, first_seen, last_seen) VALUES (?, ?, NOW(), NOW())
       ON DUPLICATE KEY UPDATE username = VALUES(username), last_seen = NOW()`,
      [uuid, username],
    );
    const [res] = await conn.execute(
      'INSERT INTO sessions (player_uuid, address, started_at) VALUES (?, ?, NOW())',
      [uuid, address],
    );
    await conn.commit();
    return (res as mysql.ResultSetHeader).insertId;
  } catch (err) {
    await conn.rollback();
    throw err;
  } finally {
    conn.release();
  }
}

export async function closeSession(sessionId: number): Promise<void> {
  await db.execute('UPDATE sessions SET ended_at = NOW() WHERE id = ?', [sessionId]);
}

export async function logChat(uuid: string, message: string): Promise<void> {
  await db.execute('INSERT INTO chat_log (player_uuid, message, sent_at) VALUES (?, ?, NOW())', [uuid, message]);
}
