import createSubscriber from "pg-listen";
import { setTimeout as sleep } from "node:timers/promises";
import { createPool, OriginPools } from "./clients.js";
import { makeDispatcher, type OutboxNotification } from "./dispatch.js";

const CHANNEL = "webhook_outbox";

async function main(): Promise<void> {
  const db = createPool();
  const origins = new OriginPools();
  const dispatch = makeDispatcher(db, origins);

  const subscriber = createSubscriber<{ [CHANNEL]: OutboxNotification }>(
    { connectionString: process.env.DATABASE_URL },
    { retryLimit: Infinity, retryInterval: 1_000 },
  );

  subscriber.notifications.on(CHANNEL, (note) => {
    dispatch(note).catch((err) => console.error(`delivery of ${note.id} failed`, err));
  });
  subscriber.events.on("error", (err) => {
    console.error("listener connection lost for good", err);
    process.exit(1);
  });

  // The database may come up after us in docker-compose; wait for it once.
  for (let attempt = 1; ; attempt++) {
    try {
      await subscriber.connect();
      break;
    } catch (err) {
      if (attempt >= 10) throw err;
      console.warn(`database not ready (attempt ${attempt}), retrying`);
      await sleep(attempt * 1_000);
    }
  }
  await subscriber.listenTo(CHANNEL);
  console.log(`listening on ${CHANNEL}`);

  const shutdown = async () => {
    await subscriber.close();
    await origins.closeAll();
    await db.end();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
