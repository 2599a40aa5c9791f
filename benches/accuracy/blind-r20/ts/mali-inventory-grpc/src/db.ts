import mysql from 'mysql2/promise';

export function createPool(uri: string): mysql.Pool {
  return mysql.createPool({
    uri,
    connectionLimit: 12,
    waitForConnections: true,
    enableKeepAlive: true,
  });
}

export async function waitForDatabase(pool: mysql.Pool, attempts = 10): Promise<void> {
  for (let i = 1; i <= attempts; i++) {
    try {
      await pool.query('SELECT 1');
      return;
    } catch (err) {
      if (i === attempts) throw err;
      console.warn(`database not reachable yet (${i}/${attempts})`);
      await new Promise((r) => setTimeout(r, 1_000 * i));
    }
  }
}
