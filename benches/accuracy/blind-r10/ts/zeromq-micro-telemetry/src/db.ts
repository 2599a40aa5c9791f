import { Pool } from 'pg';

export interface Reading {
  deviceId: string;
  ts: string;
  value: number;
}

export function createPool(role: 'web' | 'worker'): Pool {
  return new Pool({
    connectionString: process.env.DATABASE_URL,
    max: role === 'web' ? 15 : 5,
    application_name: `telemetry-${role}`,
    idleTimeoutMillis: 30_000,
  });
}
