import mysql, { type Pool } from "mysql2/promise";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Shared by the web and worker entry points. Each process calls it exactly
 * once at start-up, so each process owns one pool. Failed attempts are ended
 * before retrying; the first pool that answers is returned.
 */
export async function createPool(label: string): Promise<Pool> {
  for (let attempt = 1; ; attempt++) {
    const pool = mysql.createPool({
      uri: process.env.DATABASE_URL,
      connectionLimit: Number(process.env.DB_POOL_SIZE ?? 6),
      enableKeepAlive: true,
    });
    try {
      await pool.query("SELECT 1");
      console.log(`[${label}] database ready`);
      return pool;
    } catch (err) {
      await pool.end().catch(() => undefined);
      if (attempt >= 8) throw err;
      console.warn(`[${label}] database not ready, retrying (${attempt})`);
      await sleep(attempt * 1500);
    }
  }
}
