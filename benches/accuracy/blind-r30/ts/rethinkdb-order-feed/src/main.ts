import r from "rethinkdb";
import { Pool } from "undici";
import { setTimeout as sleep } from "node:timers/promises";
import { Change, makeChangeHandler } from "./changes";

// RethinkDB is often still electing a primary when the pod starts: retry, then give up.
async function connectWithRetry(maxAttempts = 10): Promise<r.Connection> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await r.connect({
        host: process.env.RETHINK_HOST ?? "127.0.0.1",
        port: Number(process.env.RETHINK_PORT ?? 28015),
        db: process.env.RETHINK_DB ?? "shop",
      });
    } catch (err) {
      if (attempt >= maxAttempts) throw err;
      console.warn(`rethinkdb not reachable (attempt ${attempt}), retrying`);
      await sleep(attempt * 1_000);
    }
  }
}

async function main(): Promise<void> {
  const conn = await connectWithRetry();
  const webhooks = new Pool(process.env.PARTNER_GATEWAY_ORIGIN ?? "https://partners.internal", {
    connections: 16,
    keepAliveTimeout: 30_000,
  });
  const handleChange = makeChangeHandler({ conn, webhooks });

  const cursor = await r
    .table("orders")
    .changes({ includeTypes: true, includeStates: true } as any)
    .run(conn);

  cursor.each((err, change: Change) => {
    if (err) {
      console.error("changefeed error", err);
      process.exit(1);
    }
    handleChange(change).catch((e) => console.error("change handling failed", e));
  });

  process.on("SIGTERM", async () => {
    await cursor.close();
    await conn.close();
    await webhooks.close();
    process.exit(0);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
