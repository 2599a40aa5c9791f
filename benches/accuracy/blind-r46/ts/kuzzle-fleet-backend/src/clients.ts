import Redis from 'ioredis';
import { Pool } from 'pg';

// Shared, process-wide clients. Kuzzle loads this module once when the
// application boots.
export const redis = new Redis(process.env.FLEET_REDIS_URL ?? 'redis://localhost:6379/3', {
  keyPrefix: 'fleet:',
  maxRetriesPerRequest: 2,
});

export const maintenanceDb = new Pool({
  connectionString: process.env.FLEET_PG_URL,
  max: 10,
  idleTimeoutMillis: 30_000,
});
