import mysql, { type RowDataPacket } from 'mysql2/promise'
import bcrypt from 'bcryptjs'

interface LegacyUserRow extends RowDataPacket {
  id: number
  username: string
  password_hash: string
  disabled: number
}

// Partner users still live in the old portal database; we check their
// credentials there until the migration is finished.
export async function verifyLegacyUser(username: string, password: string): Promise<{ id: string } | null> {
  const conn = await mysql.createConnection(process.env.LEGACY_USERS_URL!)
  try {
    const [rows] = await conn.query<LegacyUserRow[]>(
      'SELECT id, username, password_hash, disabled FROM portal_users WHERE username = ? LIMIT 1',
      [username],
    )
    const user = rows[0]
    if (!user || user.disabled) return null
    return (await bcrypt.compare(password, user.password_hash)) ? { id: `legacy:${user.id}` } : null
  } finally {
    await conn.end()
  }
}
