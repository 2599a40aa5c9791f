import Bottleneck from 'bottleneck';
import pg from 'pg';
import { Pool as HttpPool } from 'undici';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Called once from main. Retries until Postgres accepts connections, ending every failed pool.
export async function createPgPool(attempts = 20): Promise<pg.Pool> {
  for (let i = 1; ; i++) {
    const pool = new pg.Pool({ connectionString: process.env.CATALOG_DATABASE_URL, max: 6 });
    try {
      await pool.query('SELECT 1');
      return pool;
    } catch (err) {
      await pool.end().catch(() => undefined);
      if (i >= attempts) throw err;
      console.warn(`postgres not ready (attempt ${i}/${attempts}), retrying`);
      await sleep(Math.min(1000 * i, 10_000));
    }
  }
}

export function createMarketplacePool(): HttpPool {
  return new HttpPool(process.env.MARKETPLACE_ORIGIN ?? 'https://seller-api.marketplace.example', {
    connections: 8,
    keepAliveTimeout: 30_000,
  });
}

// The limiter state is shared by every sync replica through Redis.
export function createLimiter(): Bottleneck {
  return new Bottleneck({
    id: 'marketplace-seller-api',
    maxConcurrent: 4,
    minTime: 200,
    reservoir: 600,
    reservoirRefreshAmount: 600,
    reservoirRefreshInterval: 60_000,
    datastore: 'ioredis',
    clearDatastore: false,
    clientOptions: { host: process.env.REDIS_HOST ?? '127.0.0.1', port: Number(process.env.REDIS_PORT ?? 6379) },
  });
}
