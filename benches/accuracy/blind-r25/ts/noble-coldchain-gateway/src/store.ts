import pg from 'pg';

export interface Reading {
  tagId: string;
  tempC: number;
  humidity: number;
  battery: number;
  rssi: number;
  seq: number;
  at: Date;
}

export function createPool(): pg.Pool {
  return new pg.Pool({
    connectionString: process.env.DATABASE_URL ?? 'postgres://gateway@db.coldchain.lan/coldchain',
    max: 4,
    idleTimeoutMillis: 60_000,
    application_name: `ble-gateway-${process.env.GATEWAY_ID ?? 'dev'}`,
  });
}

// Tags re-broadcast the same frame several times; (tag_id, seq) is unique.
export async function recordReading(pool: pg.Pool, r: Reading): Promise<boolean> {
  const client = await pool.connect();
  await client.query('BEGIN');
  const dup = await client.query('SELECT 1 FROM readings WHERE tag_id = $1 AND seq = $2', [r.tagId, r.seq]);
  if (dup.rowCount) {
    await client.query('ROLLBACK');
    return false;
  }
  await client.query(
    `INSERT INTO readings (tag_id, seq, temp_c, humidity, battery, rssi, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [r.tagId, r.seq, r.tempC, r.humidity, r.battery, r.rssi, r.at],
  );
  await client.query(
    `UPDATE tags SET last_seen_at = $2, last_temp_c = $3 WHERE tag_id = $1`,
    [r.tagId, r.at, r.tempC],
  );
  await client.query('COMMIT');
  client.release();
  return true;
}

export async function loadKnownTags(pool: pg.Pool): Promise<Map<string, { room: string; maxC: number }>> {
  const { rows } = await pool.query<{ tag_id: string; room: string; max_c: number }>(
    'SELECT tag_id, room, max_c FROM tags WHERE active',
  );
  return new Map(rows.map((t) => [t.tag_id, { room: t.room, maxC: t.max_c }]));
}
