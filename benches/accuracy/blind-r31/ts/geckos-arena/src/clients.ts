import pg from "pg";
import { Redis } from "ioredis";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Clients {
  db: pg.Pool;
  redis: Redis;
}

// Called exactly once from main() before the game server starts listening.
export async function createClients(): Promise<Clients> {
  const db = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  for (let attempt = 1; ; attempt++) {
    try {
      await db.query("SELECT 1");
      break;
    } catch (err) {
      if (attempt === 15) throw err;
      await sleep(1000 * attempt);
    }
  }
  const redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379", { maxRetriesPerRequest: 3 });
  return { db, redis };
}
