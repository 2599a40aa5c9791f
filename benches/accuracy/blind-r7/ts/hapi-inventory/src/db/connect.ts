import { Pool, type PoolConfig } from 'pg';

// Each region has its own read replica; the primary takes the writes.
export function warehousePool(region: string): Pool {
  const cfg: PoolConfig = {
    connectionString: process.env[`WAREHOUSE_URL_${region.toUpperCase().replace('-', '_')}`] ?? process.env.WAREHOUSE_URL,
    application_name: `inventory-${region}`,
    max: 10,
    idleTimeoutMillis: 30_000,
  };
  return new Pool(cfg);
}
