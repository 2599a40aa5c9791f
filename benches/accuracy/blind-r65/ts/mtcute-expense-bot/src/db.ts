import mysql from 'mysql2/promise'

export const pool = mysql.createPool({
  uri: process.env.DATABASE_URL ?? 'mysql://expenses@localhost:3306/expenses',
  connectionLimit: 10,
  namedPlaceholders: true,
})

export async function addExpense(userId: number, cents: number, category: string, note: string) {
  await pool.execute(
    'INSERT INTO expenses (user_id, cents, category, note, created_at) VALUES (:userId, :cents, :category, :note, NOW())',
    { userId, cents, category, note },
  )
}
