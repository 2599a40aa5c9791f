import pg from "pg";
import { Redis } from "ioredis";
import { Kysely, PostgresDialect, sql } from "kysely";
import { RSocketServer } from "rsocket-core";
import { TcpServerTransport } from "rsocket-tcp-server";
import { setTimeout as sleep } from "node:timers/promises";
import type { DB } from "./schema.js";
import { SlowQueryPlugin } from "./slow-query-plugin.js";
import { makeRequestResponse } from "./responder.js";

async function waitForDatabase(db: Kysely<DB>): Promise<void> {
  for (let attempt = 1; attempt <= 12; attempt++) {
    try {
      await sql`select 1`.execute(db);
      return;
    } catch (err) {
      if (attempt === 12) throw err;
      console.warn(`database not reachable yet (attempt ${attempt})`);
      await sleep(2500);
    }
  }
}

async function main(): Promise<void> {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");

  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new SlowQueryPlugin(redis, Number(process.env.SLOW_QUERY_MS ?? 150))],
  });
  await waitForDatabase(db);

  const requestResponse = makeRequestResponse({ db, redis });

  const server = new RSocketServer({
    transport: new TcpServerTransport({
      listenOptions: { host: "0.0.0.0", port: Number(process.env.RSOCKET_PORT ?? 7878) },
    }),
    // accept() runs once per client connection; it only hands back the shared responder
    acceptor: {
      accept: async () => ({ requestResponse }),
    },
  });
  const closeable = await server.bind();
  console.log("rsocket inventory service listening");

  const shutdown = async () => {
    closeable.close();
    await db.destroy(); // ends the pg pool
    await redis.quit();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
