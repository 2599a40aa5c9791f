import * as alt from 'alt-server';
import mysql from 'mysql2/promise';

const DB_URL = process.env.RP_DATABASE_URL ?? 'mysql://altv:altv@127.0.0.1:3306/northwind_rp';

/**
 * Builds the resource's single MySQL pool. Called once from index.ts when the
 * resource starts; retries while the database container is still booting.
 */
export async function createDb(attempts = 10, delayMs = 3_000): Promise<mysql.Pool> {
  for (let attempt = 1; ; attempt++) {
    const pool = mysql.createPool({
      uri: DB_URL,
      connectionLimit: 10,
      waitForConnections: true,
      enableKeepAlive: true,
    });
    try {
      await pool.query('SELECT 1');
      alt.log(`[db] connected on attempt ${attempt}`);
      return pool;
    } catch (err) {
      await pool.end().catch(() => undefined);
      if (attempt >= attempts) {
        throw new Error(`[db] giving up after ${attempt} attempts: ${(err as Error).message}`);
      }
      alt.logWarning(`[db] not reachable (attempt ${attempt}/${attempts}), retrying in ${delayMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

export interface AccountRow extends mysql.RowDataPacket {
  id: number;
  social_id: string;
  pos_x: number;
  pos_y: number;
  pos_z: number;
  banned: number;
}
