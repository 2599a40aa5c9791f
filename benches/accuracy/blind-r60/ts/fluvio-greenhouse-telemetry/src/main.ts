import Fluvio, { Offset } from '@fluvio/client';
import mysql, { RowDataPacket } from 'mysql2/promise';
import { request } from 'undici';
import { makeRedis } from './cache';
import { evaluate, Reading, ZoneLimits } from './rules';

const TOPIC = process.env.FLUVIO_TOPIC ?? 'greenhouse-telemetry';
const PARTITION = Number(process.env.FLUVIO_PARTITION ?? 0);
const ALERT_WEBHOOK = process.env.ALERT_WEBHOOK_URL ?? 'http://alerts.internal:8080/hooks/greenhouse';

async function handleReading(reading: Reading): Promise<void> {
  const db = await mysql.createConnection({
    host: process.env.MYSQL_HOST ?? 'localhost',
    user: process.env.MYSQL_USER ?? 'telemetry',
    password: process.env.MYSQL_PASSWORD,
    database: process.env.MYSQL_DATABASE ?? 'greenhouse',
  });
  try {
    await db.execute(
      'INSERT INTO readings (zone_id, sensor_id, temperature_c, humidity_pct, soil_moisture_pct, read_at) VALUES (?, ?, ?, ?, ?, ?)',
      [reading.zone, reading.sensorId, reading.temperatureC, reading.humidityPct, reading.soilMoisturePct ?? null, new Date(reading.ts)],
    );
    const [rows] = await db.execute<(RowDataPacket & ZoneLimits)[]>(
      'SELECT min_temp, max_temp, max_humidity FROM zone_limits WHERE zone_id = ?',
      [reading.zone],
    );

    const alarm = evaluate(reading, rows[0]);
    if (!alarm) return;

    const redis = makeRedis();
    try {
      // only page once per zone/kind every 10 minutes
      const fresh = await redis.set(`alarm:${reading.zone}:${alarm.kind}`, '1', 'EX', 600, 'NX');
      if (fresh === 'OK') {
        await request(ALERT_WEBHOOK, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ zone: reading.zone, ...alarm }),
        });
      }
    } finally {
      redis.disconnect();
    }
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  const fluvio = await Fluvio.connect();
  const consumer = await fluvio.partitionConsumer(TOPIC, PARTITION);
  console.log(`consuming ${TOPIC}/${PARTITION}`);

  const stream = await consumer.createStream(Offset.FromEnd());
  for await (const record of stream) {
    let reading: Reading;
    try {
      reading = JSON.parse(record.valueString()) as Reading;
    } catch {
      console.warn('skipping malformed record', record.keyString());
      continue;
    }
    await handleReading(reading).catch((err) => console.error('reading failed', reading.sensorId, err));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
