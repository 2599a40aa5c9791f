'use strict';
const oracledb = require('oracledb');

oracledb.outFormat = oracledb.OUT_FORMAT_OBJECT;

let poolPromise = null;

// Hot Fn containers serve many invocations: the pool is created on the first
// call and reused by every later invocation handled by this container.
function getPool() {
  if (!poolPromise) {
    poolPromise = oracledb
      .createPool({
        user: process.env.DB_USER,
        password: process.env.DB_PASSWORD,
        connectString: process.env.DB_CONNECT_STRING,
        poolAlias: 'orders',
        poolMin: 0,
        poolMax: 4,
        poolIncrement: 1,
      })
      .catch((err) => {
        poolPromise = null; // let the next invocation retry
        throw err;
      });
  }
  return poolPromise;
}

async function closePool() {
  if (poolPromise) {
    const pool = await poolPromise;
    poolPromise = null;
    await pool.close(5);
  }
}

module.exports = { getPool, closePool };
