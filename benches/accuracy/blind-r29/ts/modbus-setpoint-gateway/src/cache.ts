import { Redis } from 'ioredis';

// Live register image, mirrored from the BMS poller.
export const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0', {
  connectionName: 'modbus-gw-cache',
  maxRetriesPerRequest: 2,
});

const KEY = (unit: number) => `bms:unit:${unit}:holding`;

export async function readHolding(unit: number, addr: number): Promise<number> {
  const raw = await redis.hget(KEY(unit), String(addr));
  if (raw === null) return 0;
  const v = Number.parseInt(raw, 10);
  return Number.isFinite(v) ? v & 0xffff : 0;
}

export async function writeHolding(unit: number, addr: number, value: number): Promise<void> {
  await redis.hset(KEY(unit), String(addr), String(value & 0xffff));
}

export async function readCoil(unit: number, addr: number): Promise<boolean> {
  const raw = await redis.hget(`bms:unit:${unit}:coils`, String(addr));
  return raw === '1';
}

export async function writeCoil(unit: number, addr: number, on: boolean): Promise<void> {
  await redis.hset(`bms:unit:${unit}:coils`, String(addr), on ? '1' : '0');
}

export async function closeCache(): Promise<void> {
  await redis.quit();
}
