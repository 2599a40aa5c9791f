import { Pool } from 'pg';

import { SITES_BY_ID } from './sites';

// One pool per plant database, created the first time that plant is written
// to and reused afterwards. Only plants from config/sites.json are accepted.
const pools = new Map<string, Pool>();

export function poolFor(siteId: string): Pool {
  const existing = pools.get(siteId);
  if (existing) return existing;

  const site = SITES_BY_ID.get(siteId);
  if (!site) {
    throw new Error(`unknown site ${siteId}`);
  }
  const pool = new Pool({
    connectionString: process.env[site.pgUrlEnv],
    max: 3,
    application_name: `s7-poller-${siteId}`,
  });
  pools.set(siteId, pool);
  return pool;
}

export async function endAllPools(): Promise<void> {
  await Promise.allSettled([...pools.values()].map((p) => p.end()));
  pools.clear();
}
