import pg from 'pg';
import { Redis } from 'ioredis';

export interface Deps {
  pool: pg.Pool;
  redis: Redis;
}

// Called once from main().
export function createDeps(): Deps {
  return {
    pool: new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 }),
    redis: new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379'),
  };
}

export async function closeDeps(deps: Deps): Promise<void> {
  await Promise.allSettled([deps.pool.end(), deps.redis.quit()]);
}
