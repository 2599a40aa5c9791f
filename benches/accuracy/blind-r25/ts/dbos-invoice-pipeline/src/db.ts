import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

// Application data lives in Supabase; we connect through the Supavisor pooler
// (transaction mode) because the DBOS executors scale out horizontally.
const DATABASE_URL =
  process.env.DATABASE_URL ??
  'postgres://postgres.qzvkhwmtuyeplbxa:dev-password@aws-0-eu-central-1.pooler.supabase.com:6543/postgres';

const queryClient = postgres(DATABASE_URL, {
  max: 10,
  idle_timeout: 20,
  connect_timeout: 10,
});

export const db = drizzle(queryClient, { schema });

export async function closeDb(): Promise<void> {
  await queryClient.end({ timeout: 5 });
}
