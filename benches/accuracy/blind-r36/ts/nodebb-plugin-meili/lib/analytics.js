'use strict';

const { Pool } = require('pg');

let pool;

function getPool() {
  if (!pool) {
    pool = new Pool({
      connectionString: process.env.FORUM_ANALYTICS_URL,
      max: 4,
      idleTimeoutMillis: 60000,
    });
  }
  return pool;
}

async function recordPost(post, kind) {
  const client = await getPool().connect();
  try {
    await client.query(
      'INSERT INTO post_events (pid, tid, uid, kind, at) VALUES ($1, $2, $3, $4, to_timestamp($5 / 1000.0))',
      [post.pid, post.tid, post.uid, kind, post.timestamp || Date.now()],
    );
  } finally {
    client.release();
  }
}

module.exports = { getPool, recordPost };
