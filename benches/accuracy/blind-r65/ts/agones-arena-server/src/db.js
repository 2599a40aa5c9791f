'use strict';
const { Pool } = require('pg');

// Player profiles live in the shared accounts database. One pool per game server process.
const pool = new Pool({
  connectionString: process.env.ACCOUNTS_DATABASE_URL,
  max: 4,
  idleTimeoutMillis: 30000,
});

async function loadProfile(playerId) {
  const { rows } = await pool.query(
    'SELECT id, display_name, rating, banned_until FROM players WHERE id = $1',
    [playerId],
  );
  return rows[0] || null;
}

// Locks the player's row so the same account cannot hold seats on two servers.
async function claimSeat(playerId, serverName) {
  const client = await pool.connect();
  await client.query('BEGIN');
  const { rows } = await client.query(
    'SELECT current_server FROM player_sessions WHERE player_id = $1 FOR UPDATE',
    [playerId],
  );
  if (rows.length > 0 && rows[0].current_server && rows[0].current_server !== serverName) {
    await client.query('ROLLBACK');
    return false;
  }
  await client.query(
    `INSERT INTO player_sessions (player_id, current_server, joined_at) VALUES ($1, $2, now())
     ON CONFLICT (player_id) DO UPDATE SET current_server = $2, joined_at = now()`,
    [playerId, serverName],
  );
  await client.query('COMMIT');
  client.release();
  return true;
}

module.exports = { pool, loadProfile, claimSeat };
