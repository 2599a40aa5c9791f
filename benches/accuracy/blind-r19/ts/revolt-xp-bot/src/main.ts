import { Client } from "revolt.js";
import Valkey from "iovalkey";
import { connectWithRetry } from "./db.js";
import { createHandlers } from "./handlers.js";

async function main(): Promise<void> {
  const pool = await connectWithRetry();
  const valkey = new Valkey(process.env.VALKEY_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: 2 });
  const handlers = createHandlers({ pool, valkey });

  const client = new Client();
  client.on("ready", () => console.info(`[revolt] logged in as ${client.user?.username}`));
  client.on("messageCreate", (message) => {
    handlers.onMessage(message).catch((err) => console.error("[revolt] message handler failed", err));
  });
  client.on("serverMemberJoin", (member) => {
    handlers.onMemberJoin(member).catch((err) => console.error("[revolt] join handler failed", err));
  });

  const shutdown = async () => {
    console.info("[revolt] shutting down");
    await Promise.allSettled([pool.end(), valkey.quit()]);
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);

  await client.loginBot(process.env.REVOLT_TOKEN!);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
