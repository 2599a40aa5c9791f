import nanoexpress from "nanoexpress";
import { Pool } from "pg";
import { registerRoutes } from "./routes";
import { redis } from "./cache";

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 12 });
  await pool.query("SELECT 1");

  const app = nanoexpress();
  registerRoutes(app, pool);

  await app.listen(Number(process.env.PORT ?? 4000));

  const shutdown = async () => {
    await app.close();
    await pool.end();
    redis.disconnect();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
