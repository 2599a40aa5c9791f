import Redis from 'ioredis';
import { Pool } from 'pg';

export const redis = new Redis(process.env.RATELIMIT_REDIS_URL as string, {
  maxRetriesPerRequest: 2,
  enableOfflineQueue: false,
});

export const pool = new Pool({ connectionString: process.env.TRACKING_DB_URL, max: 12 });
