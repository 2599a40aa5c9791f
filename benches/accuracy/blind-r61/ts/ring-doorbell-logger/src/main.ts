import { readFile, writeFile } from 'node:fs/promises';
import { RingApi } from 'ring-client-api';
import { pool } from './db.js';
import { onDoorbellPressed, onMotion } from './events.js';

const TOKEN_FILE = process.env.RING_TOKEN_FILE ?? '/var/lib/ring-logger/refresh-token';

async function main(): Promise<void> {
  const refreshToken = (await readFile(TOKEN_FILE, 'utf8')).trim();
  const ringApi = new RingApi({ refreshToken, cameraStatusPollingSeconds: 20 });

  // Ring rotates refresh tokens; persist the new one so restarts keep working.
  ringApi.onRefreshTokenUpdated.subscribe(async ({ newRefreshToken }) => {
    await writeFile(TOKEN_FILE, newRefreshToken, { mode: 0o600 });
  });

  const cameras = await ringApi.getCameras();
  console.log(`watching ${cameras.length} cameras`);

  for (const camera of cameras) {
    camera.onDoorbellPressed.subscribe((ding) => {
      onDoorbellPressed(camera, ding).catch((err) => console.error('doorbell handler failed', err));
    });
    camera.onMotionDetected.subscribe((motion) => {
      onMotion(camera, motion).catch((err) => console.error('motion handler failed', err));
    });
  }

  const shutdown = async () => {
    ringApi.disconnect();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
