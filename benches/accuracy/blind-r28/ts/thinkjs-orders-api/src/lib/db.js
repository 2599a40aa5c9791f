const mysql = require('mysql2/promise');

// One pool per worker process (this module is loaded once per process).
const pool = mysql.createPool({
  host: process.env.MYSQL_HOST || '127.0.0.1',
  port: Number(process.env.MYSQL_PORT) || 3306,
  user: process.env.MYSQL_USER || 'orders',
  password: process.env.MYSQL_PASSWORD,
  database: process.env.MYSQL_DATABASE || 'orders',
  connectionLimit: 8,
  waitForConnections: true,
  queueLimit: 0,
  enableKeepAlive: true,
  dateStrings: true,
});

async function query(sql, params) {
  const [rows] = await pool.execute(sql, params);
  return rows;
}

async function withConnection(fn) {
  const conn = await pool.getConnection();
  try {
    return await fn(conn);
  } finally {
    conn.release();
  }
}

async function withTransaction(fn) {
  return withConnection(async (conn) => {
    await conn.beginTransaction();
    try {
      const result = await fn(conn);
      await conn.commit();
      return result;
    } catch (err) {
      await conn.rollback();
      throw err;
    }
  });
}

async function waitForDatabase({ attempts = 10, delayMs = 2000 } = {}) {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      await pool.query('SELECT 1');
      think.logger.info(`mysql reachable (attempt ${attempt})`);
      return;
    } catch (err) {
      if (attempt === attempts) {
        throw err;
      }
      think.logger.warn(`mysql not ready (${err.code || err.message}), retry ${attempt}/${attempts}`);
      await think.timeout(delayMs);
    }
  }
}

function closePool() {
  return pool.end();
}

module.exports = { query, withConnection, withTransaction, waitForDatabase, closePool };
