import { Pool } from 'pg';
import Redis from 'ioredis';

// Live tag values are written into Redis by the PLC poller (separate service).
export const tags = new Redis(process.env.TAGS_REDIS_URL ?? 'redis://127.0.0.1:6379/2');

// Line historian; one pool for the edge process.
export const pool = new Pool({
  connectionString: process.env.HISTORIAN_URL,
  max: 4,
  idleTimeoutMillis: 30_000,
});

export async function readDeviceTags(device: string): Promise<Record<string, string>> {
  return tags.hgetall(`line4:${device}`);
}
