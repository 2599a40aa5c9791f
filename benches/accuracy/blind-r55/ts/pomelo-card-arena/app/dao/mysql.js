'use strict';

var mysql = require('mysql2/promise');

function sleep(ms) {
  return new Promise(function (resolve) { setTimeout(resolve, ms); });
}

/**
 * Build the player-database pool for this server process. app.js calls this
 * from app.configure(), which Pomelo runs once when each server process
 * (connector-server-1, area-server-2, ...) boots.
 */
exports.createPool = function (app) {
  var cfg = app.get('mysql');
  return mysql.createPool({
    host: cfg.host,
    port: cfg.port,
    user: cfg.user,
    password: cfg.password,
    database: cfg.database,
    connectionLimit: app.getServerType() === 'connector' ? 4 : 10,
    waitForConnections: true
  });
};

/**
 * Wait for MySQL during boot (docker-compose starts everything at once).
 * Returns as soon as one ping succeeds; gives up after `attempts`.
 */
exports.waitUntilReady = async function (pool, attempts) {
  for (var i = 1; i <= attempts; i++) {
    try {
      var conn = await pool.getConnection();
      try {
        await conn.ping();
      } finally {
        conn.release();
      }
      return;
    } catch (err) {
      console.warn('mysql not ready (attempt ' + i + '/' + attempts + '): ' + err.message);
      if (i === attempts) throw err;
      await sleep(1000 * i);
    }
  }
};
