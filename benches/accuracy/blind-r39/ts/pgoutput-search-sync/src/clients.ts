import { Client as Elastic } from "@elastic/elasticsearch";
import pg from "pg";

export function createSearch(): Elastic {
  return new Elastic({
    node: process.env.ES_URL ?? "http://localhost:9200",
    auth: { apiKey: process.env.ES_API_KEY ?? "" },
    maxRetries: 5,
    requestTimeout: 10_000,
  });
}

export function createPool(): pg.Pool {
  return new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: 5,
    application_name: "search-sync",
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Start-up only: wait until both backends answer, then return. */
export async function waitForBackends(es: Elastic, pool: pg.Pool, attempts = 20): Promise<void> {
  for (let i = 1; i <= attempts; i++) {
    try {
      await pool.query("SELECT 1");
      await es.ping();
      return;
    } catch (err) {
      console.warn(`backends not ready (attempt ${i}/${attempts}):`, (err as Error).message);
      await sleep(Math.min(1_000 * i, 10_000));
    }
  }
  throw new Error("backends did not become ready");
}
