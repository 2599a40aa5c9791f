import { readFile } from 'node:fs/promises';
import { S3Client } from '@aws-sdk/client-s3';
import onvif from 'onvif';
import { connectWithRetry } from './db.js';
import { makeEventHandler } from './events.js';

const { Cam } = onvif;

const cameras = JSON.parse(await readFile(process.env.CAMERAS_FILE ?? '/etc/motion-recorder/cameras.json', 'utf8'));
const pool = await connectWithRetry(process.env.DATABASE_URL);
const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-1' });
const bucket = process.env.SNAPSHOT_BUCKET ?? 'site-snapshots';

for (const camCfg of cameras) {
  new Cam(
    {
      hostname: camCfg.host,
      port: camCfg.port ?? 80,
      username: camCfg.username,
      password: camCfg.password,
      timeout: 10_000,
    },
    function onConnected(err) {
      if (err) {
        console.error(`camera ${camCfg.id} unreachable: ${err.message}`);
        return;
      }
      const handler = makeEventHandler({ cam: this, cameraId: camCfg.id, pool, s3, bucket });
      this.on('event', (message) => {
        handler(message).catch((e) => console.error(`camera ${camCfg.id} event failed`, e));
      });
      console.log(`subscribed to events of ${camCfg.id}`);
    },
  );
}

async function shutdown() {
  s3.destroy();
  await pool.end();
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
