import mysql from 'mysql2/promise';
import { drizzle, type MySql2Database } from 'drizzle-orm/mysql2';
import * as schema from './schema.js';

export type Db = MySql2Database<typeof schema>;

export interface Database {
  db: Db;
  pool: mysql.Pool;
}

export function createDatabase(url: string): Database {
  const pool = mysql.createPool({
    uri: url,
    connectionLimit: 10,
    waitForConnections: true,
    enableKeepAlive: true,
  });
  return { pool, db: drizzle(pool, { schema, mode: 'default' }) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// MySQL comes up after us in docker-compose; wait for it before serving.
export async function waitForDatabase(pool: mysql.Pool, attempts = 15): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const conn = await pool.getConnection();
      try {
        await conn.ping();
      } finally {
        conn.release();
      }
      return;
    } catch (err) {
      if (attempt >= attempts) throw err;
      console.warn(`database not ready (attempt ${attempt}/${attempts})`);
      await sleep(Math.min(1000 * attempt, 5000));
    }
  }
}
