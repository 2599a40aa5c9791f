'use strict';

const { Pool } = require('pg');

// One pool per Hexo process, created lazily on first use (hexo generate, hexo server --watch).
let pool = null;

function getPool() {
  if (pool === null) {
    pool = new Pool({
      connectionString: process.env.CATALOG_DATABASE_URL,
      max: 4,
      idleTimeoutMillis: 20_000,
    });
  }
  return pool;
}

async function closePool() {
  if (pool !== null) {
    const p = pool;
    pool = null;
    await p.end();
  }
}

module.exports = { getPool, closePool };
