import mysql, { type Pool } from 'mysql2/promise';
import { setTimeout as sleep } from 'node:timers/promises';

export function createPool(): Pool {
  return mysql.createPool({
    uri: process.env.ORDERS_DB_URL ?? 'mysql://orders:orders@127.0.0.1:3306/orders',
    connectionLimit: 12,
    waitForConnections: true,
    enableKeepAlive: true,
  });
}

/** Retries only the ping; the pool itself is created exactly once. */
export async function waitForDb(pool: Pool, attempts = 15): Promise<void> {
  for (let i = 1; i <= attempts; i++) {
    try {
      await pool.query('SELECT 1');
      return;
    } catch (err) {
      console.warn(`mysql not reachable (${i}/${attempts}): ${(err as Error).message}`);
      await sleep(2_000);
    }
  }
  throw new Error('mysql did not become reachable');
}
