import pg from "pg";

/**
 * Shared by the web process, the worker process and one-off scripts. Each entry point calls
 * it exactly once at start-up (they are separate OS processes, so each gets its own pool).
 */
export function createPool(role: "web" | "worker" | "script"): pg.Pool {
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: role === "web" ? 8 : 4,
    idleTimeoutMillis: 30_000,
    application_name: `uploads-${role}`,
  });
  pool.on("error", (err) => console.error(`[${role}] idle client error: ${err.message}`));
  return pool;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Start-up probe: retries until the database answers, then returns. */
export async function waitForDatabase(pool: pg.Pool, attempts = 20): Promise<void> {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const client = await pool.connect();
      try {
        await client.query("SELECT 1");
      } finally {
        client.release();
      }
      return;
    } catch (err) {
      if (attempt === attempts) throw err;
      console.warn(`database not ready (attempt ${attempt}/${attempts}): ${(err as Error).message}`);
      await sleep(1_500);
    }
  }
}

export const BUCKET = process.env.UPLOAD_BUCKET ?? "acme-media-uploads";
export const REGION = process.env.AWS_REGION ?? "eu-west-1";
