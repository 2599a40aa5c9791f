import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { env } from '$env/dynamic/private';
import * as schema from './schema';

// One connection pool for the whole server process.
const queryClient = postgres(env.DATABASE_URL, { max: 10, idle_timeout: 30 });

export const db = drizzle(queryClient, { schema });
export { schema };
