'use strict';

const knex = require('knex')({
  client: 'pg',
  connection: process.env.DATABASE_URL,
  pool: { min: 0, max: 10 },
});

const bookshelf = require('bookshelf')(knex);

module.exports = { knex, bookshelf };
