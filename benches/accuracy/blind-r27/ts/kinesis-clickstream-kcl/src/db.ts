import mysql from 'mysql2/promise';

export interface EnrichedEvent {
  eventId: string;
  sessionId: string;
  customerId: string | null;
  channel: string;
  type: string;
  path: string;
  country: string | null;
  occurredAt: Date;
}

export const pool = mysql.createPool({
  uri: process.env.ANALYTICS_MYSQL_URL ?? 'mysql://enricher@localhost:3306/analytics',
  connectionLimit: 8,
  waitForConnections: true,
  enableKeepAlive: true,
  timezone: 'Z',
});

export async function saveBatch(events: EnrichedEvent[]): Promise<void> {
  if (events.length === 0) return;
  const conn = await pool.getConnection();
  await conn.beginTransaction();
  try {
    await conn.query(
      `INSERT IGNORE INTO events (event_id, session_id, customer_id, channel, type, path, country, occurred_at)
       VALUES ?`,
      [events.map((e) => [e.eventId, e.sessionId, e.customerId, e.channel, e.type, e.path, e.country, e.occurredAt])],
    );
    await conn.query(
      `INSERT INTO session_rollup (session_id, events, last_seen)
       VALUES ?
       ON DUPLICATE KEY UPDATE events = events + VALUES(events), last_seen = GREATEST(last_seen, VALUES(last_seen))`,
      [events.map((e) => [e.sessionId, 1, e.occurredAt])],
    );
    await conn.commit();
  } catch (err) {
    await conn.rollback();
    throw err;
  }
  conn.release();
}
