import { Pool } from "pg";
import Redis from "ioredis";
import { Logger } from "@overnightjs/logger";
import { InventoryServer } from "./InventoryServer";

const MAX_ATTEMPTS = 8;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// The database container often comes up after us in docker-compose, so wait
// for it (bounded) before accepting traffic.
async function waitForDatabase(pool: Pool): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query("SELECT 1");
      Logger.Imp(`database reachable after ${attempt} attempt(s)`);
      return;
    } catch (err) {
      if (attempt >= MAX_ATTEMPTS) throw err;
      Logger.Warn(`database not ready (attempt ${attempt}/${MAX_ATTEMPTS}), retrying`);
      await sleep(500 * 2 ** attempt);
    }
  }
}

async function main(): Promise<void> {
  const pool = new Pool({
    connectionString: process.env.DATABASE_URL,
    max: 15,
    idleTimeoutMillis: 30_000,
  });
  const redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379", { lazyConnect: true });

  await waitForDatabase(pool);
  await redis.connect();

  const server = new InventoryServer(pool, redis);
  const http = server.start(Number(process.env.PORT ?? 3000));

  const shutdown = () => {
    Logger.Imp("shutting down");
    http.close(async () => {
      await Promise.allSettled([pool.end(), redis.quit()]);
      process.exit(0);
    });
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((err) => {
  Logger.Err(err, true);
  process.exit(1);
});
