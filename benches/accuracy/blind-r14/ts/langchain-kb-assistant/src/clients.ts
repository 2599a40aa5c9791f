import { setTimeout as sleep } from 'node:timers/promises';
import { MongoClient } from 'mongodb';
import pg from 'pg';

export interface Clients {
  mongo: MongoClient;
  pool: pg.Pool;
}

/** Called once from main(). Retries until both stores answer, then returns. */
export async function connectClients(attempts = 6): Promise<Clients> {
  const mongo = new MongoClient(process.env.KB_MONGO_URL ?? 'mongodb://localhost:27017', {
    maxPoolSize: 10,
    serverSelectionTimeoutMS: 5_000,
  });
  const pool = new pg.Pool({ connectionString: process.env.TICKETS_DB_URL, max: 4 });

  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      await mongo.connect();
      await pool.query('SELECT 1');
      break;
    } catch (err) {
      if (attempt === attempts) {
        await Promise.allSettled([mongo.close(), pool.end()]);
        throw err;
      }
      console.error(`stores not reachable yet (${(err as Error).message}), retrying…`);
      await sleep(1_000 * attempt);
    }
  }
  return { mongo, pool };
}

export async function closeClients({ mongo, pool }: Clients): Promise<void> {
  await Promise.allSettled([mongo.close(), pool.end()]);
}
