import mysql from 'mysql2/promise';

const pool = mysql.createPool({
  uri: process.env.CHAT_DATABASE_URL,
  connectionLimit: 5,
});

export async function recordPresence(userId: string, roomId: string, online: boolean): Promise<void> {
  await pool.execute(
    `INSERT INTO room_presence (user_id, room_id, online, changed_at)
     VALUES (?, ?, ?, NOW())
     ON DUPLICATE KEY UPDATE online = VALUES(online), changed_at = NOW()`,
    [userId, roomId, online ? 1 : 0],
  );
}
