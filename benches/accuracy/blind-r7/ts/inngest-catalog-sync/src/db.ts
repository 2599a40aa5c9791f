import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from './schema.js';

export function openDb() {
  const sql = postgres(process.env.DATABASE_URL!, { max: 5, idle_timeout: 20 });
  return drizzle(sql, { schema });
}

export type Db = ReturnType<typeof openDb>;
