import mysql, { type RowDataPacket } from 'mysql2/promise'

const statsPool = mysql.createPool({
  uri: process.env.DATABASE_URL ?? 'mysql://expenses@localhost:3306/expenses',
  connectionLimit: 5,
})

interface CategoryTotal extends RowDataPacket {
  category: string
  total: number
}

export async function monthTotals(userId: number): Promise<CategoryTotal[]> {
  const [rows] = await statsPool.query<CategoryTotal[]>(
    `SELECT category, SUM(cents) AS total
       FROM expenses
      WHERE user_id = ? AND created_at >= DATE_FORMAT(NOW(), '%Y-%m-01')
      GROUP BY category
      ORDER BY total DESC`,
    [userId],
  )
  return rows
}

export function formatTotals(rows: CategoryTotal[]): string {
  if (rows.length === 0) return 'No expenses this month yet.'
  return rows.map((r) => `${r.category}: ${(Number(r.total) / 100).toFixed(2)}`).join('\n')
}
