'use strict';

const knex = require('knex');

// Each process (web, worker, release) calls this exactly once at start-up.
function createKnex() {
  return knex({
    client: 'pg',
    connection: process.env.DATABASE_URL,
    pool: { min: 0, max: Number(process.env.DB_POOL_MAX || 8) },
    migrations: { directory: __dirname + '/../migrations' },
  });
}

module.exports = { createKnex };
