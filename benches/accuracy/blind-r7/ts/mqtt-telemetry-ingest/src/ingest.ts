import mqtt from 'mqtt';
import { createClient as createRedisClient } from 'redis';
import { ch } from './clickhouse.js';
import { checkOverheat } from './alerts.js';
import { DeviceRegistry } from './registry.js';

interface Reading {
  ts: number;
  temp: number;
  humidity?: number;
  battery?: number;
}

const registry = new DeviceRegistry();

const client = mqtt.connect(process.env.MQTT_URL ?? 'mqtt://localhost:1883', {
  clientId: `telemetry-ingest-${process.pid}`,
  clean: false,
  reconnectPeriod: 2000,
});

client.on('connect', () => {
  client.subscribe('devices/+/telemetry', { qos: 1 }, (err) => {
    if (err) console.error('subscribe failed', err);
  });
});

client.on('message', async (topic, payload) => {
  const deviceId = topic.split('/')[1];
  let reading: Reading;
  try {
    reading = JSON.parse(payload.toString('utf8'));
  } catch {
    console.warn(`bad payload from ${deviceId}`);
    return;
  }

  const device = await registry.lookup(deviceId);
  if (!device) return;
  const tempC = device.unit === 'F' ? ((reading.temp - 32) * 5) / 9 : reading.temp;

  await ch.insert({
    table: 'readings',
    values: [{ device_id: deviceId, site: device.site, ts: reading.ts, temp_c: tempC, humidity: reading.humidity ?? null }],
    format: 'JSONEachRow',
  });
  if (await checkOverheat(deviceId, tempC)) {
    client.publish(`devices/${deviceId}/alerts`, JSON.stringify({ kind: 'overheat', tempC }), { qos: 1 });
  }

  const latest = createRedisClient({ url: process.env.REDIS_URL ?? 'redis://localhost:6379' });
  await latest.connect();
  await latest.hSet(`device:${deviceId}:latest`, {
    ts: String(reading.ts),
    tempC: tempC.toFixed(2),
    battery: String(reading.battery ?? ''),
  });
  await latest.quit();
});

client.on('error', (err) => console.error('mqtt error', err));

process.on('SIGTERM', async () => {
  client.end();
  await ch.close();
});
