'use strict'

const { Pool } = require('pg')

const pool = new Pool({
  connectionString: process.env.VAULT_STATS_DATABASE_URL,
  max: 5
})

async function openSession (uuid, username) {
  const { rows } = await pool.query(
    `INSERT INTO sessions (player_uuid, username, joined_at)
     VALUES ($1, $2, now()) RETURNING id`,
    [uuid, username]
  )
  return rows[0].id
}

async function closeSession (sessionId, blocksPlaced, blocksBroken) {
  await pool.query(
    `UPDATE sessions
        SET left_at = now(), blocks_placed = $2, blocks_broken = $3
      WHERE id = $1`,
    [sessionId, blocksPlaced, blocksBroken]
  )
}

module.exports = { openSession, closeSession }
