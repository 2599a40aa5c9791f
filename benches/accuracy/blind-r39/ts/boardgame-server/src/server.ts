import { Origins, Server } from "boardgame.io/server";
import { Pool } from "pg";

import { ConnectFour } from "./game";
import { PostgresStorage } from "./storage";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function connectWithRetry(): Promise<Pool> {
  for (let attempt = 1; ; attempt++) {
    const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    try {
      await pool.query("SELECT 1");
      return pool;
    } catch (err) {
      await pool.end().catch(() => undefined);
      if (attempt >= 15) throw err;
      console.warn(`postgres not reachable yet (attempt ${attempt}), retrying`);
      await sleep(2_000);
    }
  }
}

async function main() {
  const pool = await connectWithRetry();

  const server = Server({
    games: [ConnectFour],
    db: new PostgresStorage(pool),
    origins: [process.env.CLIENT_ORIGIN ?? "https://play.example.com", Origins.LOCALHOST_IN_DEVELOPMENT],
  });

  server.router.get("/healthz", (ctx) => {
    ctx.body = "ok";
  });

  const { apiServer, appServer } = await server.run(Number(process.env.PORT ?? 8000));

  process.on("SIGTERM", async () => {
    server.kill({ apiServer, appServer });
    await pool.end();
    process.exit(0);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
