import { Pool } from 'pg';

export const catalog = new Pool({
  connectionString: process.env.CATALOG_DATABASE_URL,
  max: 12,
  idleTimeoutMillis: 30_000,
});
