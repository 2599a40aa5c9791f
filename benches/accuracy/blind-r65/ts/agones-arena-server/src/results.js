'use strict';
const { Client } = require('pg');

// Writes the outcome of one finished round to the results warehouse.
async function reportMatch(match) {
  const client = new Client({ connectionString: process.env.RESULTS_DATABASE_URL });
  await client.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(
      'INSERT INTO matches (server_name, map, started_at, ended_at) VALUES ($1, $2, $3, $4) RETURNING id',
      [match.serverName, match.map, match.startedAt, new Date()],
    );
    for (const [playerId, score] of match.scores) {
      await client.query(
        'INSERT INTO match_scores (match_id, player_id, score) VALUES ($1, $2, $3)',
        [rows[0].id, playerId, score],
      );
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    await client.end();
  }
}

module.exports = { reportMatch };
