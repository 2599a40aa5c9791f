'use strict';

const mysql = require('mysql2/promise');

let pool = null;

// Default parameters are only available inside an activation, so the pool is
// built on the first activation and then reused by every warm activation that
// lands on the same container.
function getPool(params) {
  if (!pool) {
    pool = mysql.createPool({
      uri: params.MYSQL_URL,
      connectionLimit: 2,
      enableKeepAlive: true,
    });
  }
  return pool;
}

module.exports = { getPool };
