import { createClient } from 'redis';

import { closeAlerts, raiseAlert } from './store/alerts.js';
import { lastReadings, saveReading } from './store/readings.js';

export interface ParticleEvent {
  name: string;
  data: string;
  coreid: string;
  published_at: string;
}

const MAX_TEMP_C = 8;

export async function onTelemetry(event: ParticleEvent): Promise<void> {
  const [tempC, humidity] = event.data.split(',').map(Number);
  await saveReading({ deviceId: event.coreid, tempC, humidity, at: new Date(event.published_at) });

  const recent = await lastReadings(event.coreid, 3);
  if (recent.length === 3 && recent.every((r) => r.tempC > MAX_TEMP_C)) {
    const isNew = await raiseAlert(event.coreid, 'too_warm', tempC);
    if (isNew) console.warn(`device ${event.coreid} above ${MAX_TEMP_C}C for 3 readings`);
  } else if (tempC <= MAX_TEMP_C) {
    await closeAlerts(event.coreid);
  }
}

export async function onStatus(event: ParticleEvent): Promise<void> {
  // spark/status: online / offline; the dashboard reads presence from redis
  const presence = createClient({ url: process.env.PRESENCE_REDIS_URL });
  await presence.connect();
  await presence.hSet('coldchain:presence', event.coreid, `${event.data}|${event.published_at}`);
}
