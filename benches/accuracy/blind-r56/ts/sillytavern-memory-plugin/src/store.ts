import { Pool } from 'pg';
import Redis from 'ioredis';

export interface VaultConfig {
  databaseUrl: string;
  redisUrl: string;
}

let pool: Pool | null = null;
let cache: Redis | null = null;

// Called exactly once from the plugin's init(); route handlers only use the getters below.
export function openStores(config: VaultConfig): void {
  if (pool || cache) throw new Error('memory-vault stores already open');
  pool = new Pool({ connectionString: config.databaseUrl, max: 4, idleTimeoutMillis: 60_000 });
  pool.on('error', (err) => console.error('[memory-vault] idle client error', err));
  cache = new Redis(config.redisUrl, { maxRetriesPerRequest: 2 });
}

export function getPool(): Pool {
  if (!pool) throw new Error('memory-vault not initialised');
  return pool;
}

export function getCache(): Redis {
  if (!cache) throw new Error('memory-vault not initialised');
  return cache;
}

export async function closeStores(): Promise<void> {
  const p = pool;
  const c = cache;
  pool = null;
  cache = null;
  await Promise.allSettled([p?.end(), c?.quit()]);
}
