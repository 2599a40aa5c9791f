'use strict'

// Helpers that take the plugin's pool; the pool itself is owned by index.js.

async function recordPosition (pool, { latitude, longitude }, timestamp, source) {
  const client = await pool.connect()
  const { rows } = await client.query(
    `SELECT id, radius_m FROM anchorages
      WHERE ended_at IS NULL
      ORDER BY started_at DESC LIMIT 1`
  )
  if (rows.length === 0) {
    // Not anchored: nothing to log.
    return null
  }
  const anchorage = rows[0]
  const { rows: [{ distance_m: distance }] } = await client.query(
    `INSERT INTO anchor_track (anchorage_id, ts, source, position)
     VALUES ($1, $2, $3, ST_SetSRID(ST_MakePoint($4, $5), 4326))
     RETURNING ST_Distance(position::geography,
       (SELECT drop_point FROM anchorages WHERE id = $1)::geography) AS distance_m`,
    [anchorage.id, timestamp, source, longitude, latitude]
  )
  client.release()
  return { anchorageId: anchorage.id, distance, radius: anchorage.radius_m }
}

async function startAnchorage (pool, position, radius) {
  await pool.query(
    `INSERT INTO anchorages (started_at, radius_m, drop_point)
     VALUES (now(), $1, ST_SetSRID(ST_MakePoint($2, $3), 4326))`,
    [radius, position.longitude, position.latitude]
  )
}

async function endAnchorage (pool) {
  await pool.query('UPDATE anchorages SET ended_at = now() WHERE ended_at IS NULL')
}

module.exports = { recordPosition, startAnchorage, endAnchorage }
