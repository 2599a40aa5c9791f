import pg from "pg";
import { setTimeout as sleep } from "node:timers/promises";

const URLS: Record<string, string | undefined> = {
  staging: process.env.STAGING_DATABASE_URL,
  production: process.env.PRODUCTION_DATABASE_URL,
};

// Called once at the start of a command. The database may still be waking up
// (scaled-to-zero staging), so try a few times before giving up.
export async function connectPg(env: string): Promise<pg.Client> {
  const connectionString = URLS[env];
  if (!connectionString) throw new Error(`unknown environment ${env}`);
  let lastError: unknown;
  for (let attempt = 1; attempt <= 5; attempt++) {
    const client = new pg.Client({ connectionString, application_name: "opsctl" });
    try {
      await client.connect();
      return client;
    } catch (err) {
      lastError = err;
      await client.end().catch(() => {});
      console.error(`connect attempt ${attempt} failed, retrying`);
      await sleep(attempt * 1000);
    }
  }
  throw lastError;
}
