import type { PushNotificationDingV2, RingCamera } from 'ring-client-api';
import { Pool } from 'undici';
import { pool } from './db.js';

const HA_URL = process.env.HOME_ASSISTANT_URL ?? 'http://homeassistant.local:8123';
const HA_TOKEN = process.env.HOME_ASSISTANT_TOKEN ?? '';

// Subscribed in main.ts: runs for every doorbell press on every camera.
export async function onDoorbellPressed(camera: RingCamera, ding: PushNotificationDingV2): Promise<void> {
  const client = await pool.connect();
  const { rows } = await client.query<{ muted_until: Date | null }>(
    'SELECT muted_until FROM cameras WHERE ring_id = $1',
    [camera.id],
  );
  if (rows[0]?.muted_until && rows[0].muted_until > new Date()) {
    console.log(`${camera.name}: press ignored, muted until ${rows[0].muted_until.toISOString()}`);
    return;
  }
  await client.query(
    'INSERT INTO doorbell_presses (ring_id, camera_name, ding_id, pressed_at) VALUES ($1, $2, $3, now())',
    [camera.id, camera.name, ding.ding.id],
  );
  client.release();
}

// Runs every time motion starts or stops on any camera.
export async function onMotion(camera: RingCamera, motion: boolean): Promise<void> {
  await pool.query(
    'INSERT INTO motion_events (ring_id, camera_name, active, seen_at) VALUES ($1, $2, $3, now())',
    [camera.id, camera.name, motion],
  );
  if (!motion) return;

  const ha = new Pool(HA_URL, { connections: 2, keepAliveTimeout: 10_000 });
  try {
    await ha.request({
      method: 'POST',
      path: '/api/events/ring_motion',
      headers: {
        authorization: `Bearer ${HA_TOKEN}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ camera: camera.name, at: new Date().toISOString() }),
    });
  } finally {
    await ha.close();
  }
}
