import type { RowDataPacket } from 'mysql2/promise'
import { pool } from './db'

export type CheckinResult = 'recorded' | 'duplicate'

interface LastCheckin extends RowDataPacket {
  seconds_ago: number
}

export async function recordCheckin(memberId: string, door: string): Promise<CheckinResult> {
  const conn = await pool.getConnection()
  try {
    await conn.beginTransaction()
    const [rows] = await conn.query<LastCheckin[]>(
      `SELECT TIMESTAMPDIFF(SECOND, MAX(created_at), NOW()) AS seconds_ago
         FROM checkins WHERE member_id = ? FOR UPDATE`,
      [memberId],
    )
    if (rows[0]?.seconds_ago != null && rows[0].seconds_ago < 300) {
      // member tapped twice (or tailgating with the same card): do not count again
      await conn.rollback()
      return 'duplicate'
    }
    await conn.query('INSERT INTO checkins (member_id, door, created_at) VALUES (?, ?, NOW())', [memberId, door])
    await conn.query('UPDATE member_stats SET visits = visits + 1 WHERE member_id = ?', [memberId])
    await conn.commit()
    conn.release()
    return 'recorded'
  } catch (err) {
    await conn.rollback()
    conn.release()
    throw err
  }
}

export async function recentCheckins(door: string): Promise<number> {
  const [rows] = await pool.query<RowDataPacket[]>(
    'SELECT COUNT(*) AS n FROM checkins WHERE door = ? AND created_at > NOW() - INTERVAL 1 HOUR',
    [door],
  )
  return Number(rows[0]?.n ?? 0)
}
