import mysql from 'mysql2/promise';

// Shared pool for the remote-function process.
export const ledger = mysql.createPool({
  uri: process.env.LOYALTY_MYSQL_URL,
  connectionLimit: 10,
  waitForConnections: true,
});

/**
 * Debits points for a reward inside a transaction.
 * Returns false when the member does not have enough points.
 */
export async function debitPoints(memberId: string, rewardId: string, cost: number): Promise<boolean> {
  const conn = await ledger.getConnection();
  await conn.beginTransaction();
  const [rows] = await conn.query<mysql.RowDataPacket[]>(
    'SELECT balance FROM members WHERE id = ? FOR UPDATE',
    [memberId],
  );
  if (!rows.length || rows[0].balance < cost) {
    await conn.rollback();
    return false;
  }
  await conn.execute('UPDATE members SET balance = balance - ? WHERE id = ?', [cost, memberId]);
  await conn.execute(
    'INSERT INTO redemptions (member_id, reward_id, points, redeemed_at) VALUES (?, ?, ?, NOW())',
    [memberId, rewardId, cost],
  );
  await conn.commit();
  conn.release();
  return true;
}
