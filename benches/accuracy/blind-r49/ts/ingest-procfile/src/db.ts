import mysql from "mysql2/promise";
import { setTimeout as sleep } from "node:timers/promises";

export async function createPool(name: string): Promise<mysql.Pool> {
  for (let attempt = 1; ; attempt++) {
    const pool = mysql.createPool({
      uri: process.env.METER_DB_URL ?? "mysql://meter@localhost:3306/meter",
      connectionLimit: 8,
      enableKeepAlive: true,
      connectAttributes: { program_name: name },
    });
    try {
      await pool.query("SELECT 1");
      return pool;
    } catch (err) {
      await pool.end().catch(() => undefined);
      if (attempt >= 10) throw err;
      console.warn(`[${name}] db not ready (attempt ${attempt}), retrying`);
      await sleep(Math.min(500 * 2 ** attempt, 15_000));
    }
  }
}
