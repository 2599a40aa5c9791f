import mysql from 'mysql2/promise';
import { Redis } from 'ioredis';

// One pool and one Redis connection for the whole gateway process.
export const pool = mysql.createPool({
  uri: process.env.GATEWAY_DB_URL ?? 'mysql://smpp:smpp@127.0.0.1:3306/gateway',
  connectionLimit: 12,
  waitForConnections: true,
  enableKeepAlive: true,
});

export const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/2', {
  maxRetriesPerRequest: 2,
});

export async function closeAll(): Promise<void> {
  await Promise.allSettled([pool.end(), redis.quit()]);
}
