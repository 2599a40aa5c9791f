import pg from 'pg';
import Redis from 'ioredis';

// loaded once per worker thread (minThreads === maxThreads, threads are never recycled)
export const pool = new pg.Pool({
  connectionString: process.env.CATALOG_DATABASE_URL,
  max: 3,
  idleTimeoutMillis: 30_000,
});

export const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
  lazyConnect: false,
  maxRetriesPerRequest: 1,
});
