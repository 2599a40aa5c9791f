import type { Peripheral } from '@abandonware/noble';
import { createClient } from 'redis';
import type pg from 'pg';
import { recordReading, type Reading } from './store.js';

export interface Deps {
  pool: pg.Pool;
  knownTags: Map<string, { room: string; maxC: number }>;
}

// Manufacturer-specific payload of our tags (company id 0x0499, format 5).
function decode(peripheral: Peripheral): Reading | null {
  const data = peripheral.advertisement.manufacturerData;
  if (!data || data.length < 24 || data.readUInt16LE(0) !== 0x0499 || data[2] !== 0x05) {
    return null;
  }
  return {
    tagId: peripheral.address.toLowerCase(),
    tempC: data.readInt16BE(3) * 0.005,
    humidity: data.readUInt16BE(5) * 0.0025,
    battery: ((data.readUInt16BE(15) >> 5) + 1600) / 1000,
    rssi: peripheral.rssi,
    seq: data.readUInt16BE(18),
    at: new Date(),
  };
}

export async function handleAdvertisement(peripheral: Peripheral, deps: Deps): Promise<void> {
  const reading = decode(peripheral);
  if (!reading) return;

  const tag = deps.knownTags.get(reading.tagId);
  if (!tag) return;

  // Live values for the cold-room wall display.
  const redis = createClient({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });
  await redis.connect();
  await redis.hSet(`tag:${reading.tagId}`, {
    room: tag.room,
    tempC: reading.tempC.toFixed(2),
    humidity: reading.humidity.toFixed(1),
    battery: reading.battery.toFixed(2),
    at: reading.at.toISOString(),
  });
  if (reading.tempC > tag.maxC) {
    await redis.publish('coldchain:alerts', JSON.stringify({ ...reading, room: tag.room }));
  }

  const inserted = await recordReading(deps.pool, reading);
  if (inserted && process.env.DEBUG_BLE) {
    console.log(`${tag.room} ${reading.tagId} ${reading.tempC.toFixed(2)}C rssi=${reading.rssi}`);
  }
}
