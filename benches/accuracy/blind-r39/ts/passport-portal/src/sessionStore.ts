import session from "express-session";
import mysql, { type RowDataPacket } from "mysql2/promise";

const sessions = mysql.createPool({
  uri: process.env.DATABASE_URL,
  connectionLimit: 8,
});

/** Minimal express-session store backed by the `sessions` table. */
export class MySqlSessionStore extends session.Store {
  get(sid: string, cb: (err: unknown, session?: session.SessionData | null) => void): void {
    (async () => {
      const conn = await sessions.getConnection();
      const [rows] = await conn.query<RowDataPacket[]>(
        "SELECT data, expires FROM sessions WHERE sid = ?",
        [sid],
      );
      const row = rows[0];
      if (!row || row.expires < Date.now()) {
        return cb(null, null);
      }
      conn.release();
      cb(null, JSON.parse(row.data));
    })().catch(cb);
  }

  set(sid: string, sess: session.SessionData, cb?: (err?: unknown) => void): void {
    const expires = sess.cookie.expires ? new Date(sess.cookie.expires).getTime() : Date.now() + 86_400_000;
    sessions
      .query(
        "INSERT INTO sessions (sid, data, expires) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE data = VALUES(data), expires = VALUES(expires)",
        [sid, JSON.stringify(sess), expires],
      )
      .then(() => cb?.())
      .catch((err) => cb?.(err));
  }

  destroy(sid: string, cb?: (err?: unknown) => void): void {
    sessions
      .query("DELETE FROM sessions WHERE sid = ?", [sid])
      .then(() => cb?.())
      .catch((err) => cb?.(err));
  }

  touch(sid: string, sess: session.SessionData, cb?: () => void): void {
    const expires = sess.cookie.expires ? new Date(sess.cookie.expires).getTime() : Date.now() + 86_400_000;
    sessions
      .query("UPDATE sessions SET expires = ? WHERE sid = ?", [expires, sid])
      .then(() => cb?.())
      .catch(() => cb?.());
  }
}
