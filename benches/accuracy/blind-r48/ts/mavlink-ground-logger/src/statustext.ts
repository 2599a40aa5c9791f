import { createClient } from 'redis';
import { common } from 'node-mavlink';

// MAV_SEVERITY: 0 EMERGENCY .. 4 WARNING .. 7 DEBUG
const NOTIFY_AT_OR_BELOW = 4;

export async function onStatusText(vehicle: string, msg: common.StatusText): Promise<void> {
  const text = msg.text.replace(/\0+$/, '');
  console.log(`[${vehicle}] sev=${msg.severity} ${text}`);
  if (msg.severity > NOTIFY_AT_OR_BELOW) return;

  const redis = createClient({ url: process.env.REDIS_URL });
  redis.on('error', (err) => console.error('redis', err));
  await redis.connect();
  await redis.xAdd(`gcs:${vehicle}:events`, '*', {
    severity: String(msg.severity),
    text,
  });
  await redis.publish('gcs:alerts', JSON.stringify({ vehicle, severity: msg.severity, text }));
}
