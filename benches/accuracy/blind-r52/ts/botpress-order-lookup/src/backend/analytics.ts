import { Pool } from 'pg'

// Lookup analytics live next to the orders table so support can join them.
const pool = new Pool({
  connectionString: process.env.ORDERS_DATABASE_URL,
  max: 4,
  application_name: 'botpress-order-lookup-analytics'
})

export interface LookupStat {
  day: string
  lookups: number
  found: number
}

export async function recordLookup(botId: string, userId: string, orderNumber: string, found: boolean) {
  await pool.query(
    `INSERT INTO bot_order_lookups (bot_id, user_id, order_number, found, looked_up_at)
     VALUES ($1, $2, $3, $4, now())`,
    [botId, userId, orderNumber, found]
  )
}

export async function lookupStats(botId: string, days: number): Promise<LookupStat[]> {
  const { rows } = await pool.query<LookupStat>(
    `SELECT to_char(date_trunc('day', looked_up_at), 'YYYY-MM-DD') AS day,
            count(*)::int AS lookups,
            count(*) FILTER (WHERE found)::int AS found
       FROM bot_order_lookups
      WHERE bot_id = $1 AND looked_up_at > now() - make_interval(days => $2)
      GROUP BY 1
      ORDER BY 1`,
    [botId, days]
  )
  return rows
}

export async function closeAnalytics() {
  await pool.end()
}
