'use strict';

const { Pool } = require('pg');

let pool = null;

function init(connectionString) {
  if (!pool) {
    pool = new Pool({ connectionString, max: 8 });
  }
}

async function scoresFor(uids) {
  if (!uids.length) {
    return {};
  }
  const client = await pool.connect();
  const { rows } = await client.query(
    'SELECT uid, score FROM author_reputation WHERE uid = ANY($1::int[])',
    [uids],
  );
  if (!rows.length) {
    return {};
  }
  const byUid = {};
  for (const row of rows) {
    byUid[row.uid] = Number(row.score);
  }
  client.release();
  return byUid;
}

module.exports = { init, scoresFor };
