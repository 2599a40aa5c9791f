'use strict';

const { Pool } = require('pg');

function createPool() {
  return new Pool({
    connectionString: process.env.CELLAR_DATABASE_URL,
    max: 2,
    idleTimeoutMillis: 60000,
  });
}

async function sensorName(pool, tagId) {
  const { rows } = await pool.query('SELECT name FROM sensors WHERE tag_id = $1', [tagId]);
  return rows[0] ? rows[0].name : tagId;
}

async function insertReadings(pool, batch) {
  const values = [];
  const params = [];
  batch.forEach((r, i) => {
    const o = i * 5;
    values.push(`($${o + 1}, $${o + 2}, $${o + 3}, $${o + 4}, $${o + 5})`);
    params.push(r.tagId, r.at, r.temperature, r.humidity, r.battery);
  });
  await pool.query(
    `INSERT INTO readings (tag_id, measured_at, temperature, humidity, battery_mv) VALUES ${values.join(', ')}`,
    params,
  );
}

module.exports = { createPool, sensorName, insertReadings };
