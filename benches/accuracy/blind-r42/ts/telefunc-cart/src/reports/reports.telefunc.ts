import pg from 'pg'
import { getContext, Abort } from 'telefunc'

type DailySales = { day: string; orders: number; revenueCents: number }

export async function onLoadSalesReport(days: number): Promise<DailySales[]> {
  const { userId } = getContext()
  if (!userId) throw Abort()

  // Reports read from the analytics replica.
  const replica = new pg.Pool({
    connectionString: process.env.REPLICA_DATABASE_URL,
    max: 2,
  })
  try {
    const { rows } = await replica.query<DailySales>(
      `SELECT to_char(created_at::date, 'YYYY-MM-DD') AS day,
              count(*)::int AS orders,
              sum(total_cents)::int AS "revenueCents"
         FROM orders
        WHERE created_at > now() - make_interval(days => $1)
        GROUP BY 1 ORDER BY 1`,
      [Math.min(Math.max(days, 1), 90)],
    )
    return rows
  } finally {
    await replica.end()
  }
}
