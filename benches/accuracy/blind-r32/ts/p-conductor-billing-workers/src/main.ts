import { orkesConductorClient, TaskManager } from "@io-orkes/conductor-javascript";
import { workers } from "./workers/index.js";

async function main(): Promise<void> {
  const client = await orkesConductorClient({
    serverUrl: process.env.CONDUCTOR_SERVER_URL ?? "http://localhost:8080/api",
    keyId: process.env.CONDUCTOR_KEY_ID,
    keySecret: process.env.CONDUCTOR_KEY_SECRET,
  });

  const manager = new TaskManager(client, workers, {
    logger: console,
    options: { pollInterval: 250, concurrency: 4 },
  });

  manager.startPolling();
  console.log(`polling ${workers.map((w) => w.taskDefName).join(", ")}`);

  const shutdown = async () => {
    await manager.stopPolling();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
