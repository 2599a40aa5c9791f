import mysql from 'mysql2/promise';

let pool;

// One pool per Eleventy process, created the first time a template or data file asks for it.
export function getPool() {
  if (!pool) {
    pool = mysql.createPool({
      uri: process.env.CATALOG_DB_URL,
      connectionLimit: 4,
      namedPlaceholders: true,
    });
  }
  return pool;
}

export async function closePool() {
  if (pool) {
    const closing = pool;
    pool = undefined;
    await closing.end();
  }
}
