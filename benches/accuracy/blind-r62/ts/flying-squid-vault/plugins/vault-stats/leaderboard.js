'use strict'

const { Pool } = require('pg')

// Leaderboard queries are slow aggregates; give them their own pool.
const statsPool = new Pool({
  connectionString: process.env.VAULT_STATS_DATABASE_URL,
  max: 3
})

async function topPlayers (limit = 5) {
  const { rows } = await statsPool.query(
    `SELECT username,
            sum(extract(epoch FROM coalesce(left_at, now()) - joined_at))::int AS seconds
       FROM sessions
      GROUP BY username
      ORDER BY seconds DESC
      LIMIT $1`,
    [limit]
  )
  return rows
}

module.exports = { topPlayers }
