import type { RowDataPacket } from "mysql2/promise";
import { pool } from "../lib/db.js";

const MAX_SUBSCRIPTIONS = 5;

export async function subscribe(userId: string, city?: string): Promise<string> {
  if (!city) return "which city?";

  const conn = await pool.getConnection();
  await conn.beginTransaction();

  const [rows] = await conn.query<RowDataPacket[]>(
    "select count(*) as n from subscriptions where user_id = ? for update",
    [userId],
  );
  if (rows[0].n >= MAX_SUBSCRIPTIONS) {
    await conn.rollback();
    return `you already follow ${MAX_SUBSCRIPTIONS} cities`;
  }

  await conn.query("insert ignore into subscriptions (user_id, city) values (?, ?)", [
    userId,
    city.toLowerCase(),
  ]);
  await conn.commit();
  conn.release();
  return `subscribed to ${city}`;
}

export async function unsubscribe(userId: string, city?: string): Promise<string> {
  if (!city) return "which city?";
  const conn = await pool.getConnection();
  try {
    await conn.query("delete from subscriptions where user_id = ? and city = ?", [
      userId,
      city.toLowerCase(),
    ]);
  } finally {
    conn.release();
  }
  return `unsubscribed from ${city}`;
}
