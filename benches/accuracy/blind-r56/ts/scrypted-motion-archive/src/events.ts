import { Pool } from 'pg';

export interface MotionRecord {
  deviceId: string;
  cameraName: string;
  objectKey: string;
  bytes: number;
}

let eventsPool: Pool | undefined;
let eventsPoolUrl: string | undefined;

// One pool for the plugin process; rebuilt only when the URL setting changes.
export function getEventsPool(connectionString: string): Pool {
  if (eventsPool && eventsPoolUrl === connectionString) return eventsPool;
  const previous = eventsPool;
  eventsPool = new Pool({ connectionString, max: 3, idleTimeoutMillis: 30_000 });
  eventsPoolUrl = connectionString;
  previous?.end().catch(() => {});
  return eventsPool;
}

export async function recordMotion(pool: Pool, rec: MotionRecord): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO motion_events (device_id, camera_name, object_key, bytes)
       VALUES ($1, $2, $3, $4)`,
      [rec.deviceId, rec.cameraName, rec.objectKey, rec.bytes],
    );
    await client.query(
      `INSERT INTO motion_daily (device_id, day, events)
       VALUES ($1, current_date, 1)
       ON CONFLICT (device_id, day) DO UPDATE SET events = motion_daily.events + 1`,
      [rec.deviceId],
    );
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}
