import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "./schema";

// Vinxi re-evaluates server modules on every HMR update in dev; keep one pool
// on globalThis so reloads reuse it instead of opening a new one.
const globalForDb = globalThis as unknown as { metricsPool?: Pool };

export const pool =
  globalForDb.metricsPool ??
  new Pool({
    connectionString: process.env.DATABASE_URL,
    max: 10,
  });

if (process.env.NODE_ENV !== "production") globalForDb.metricsPool = pool;

export const db = drizzle(pool, { schema });
