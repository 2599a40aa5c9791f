import ari from "ari-client";
import { connectPgWithRetry, createRedis } from "./clients.js";
import { makeCallHandler } from "./calls.js";

const APP_NAME = "support-ivr";

async function main(): Promise<void> {
  const pool = await connectPgWithRetry();
  const redis = createRedis();

  const client = await ari.connect(
    process.env.ARI_URL ?? "http://127.0.0.1:8088",
    process.env.ARI_USER ?? "ivr",
    process.env.ARI_PASSWORD ?? "",
  );

  const handler = makeCallHandler({ pool, redis });
  client.on("StasisStart", (event: any, channel: any) => {
    void handler.onStart(event, channel);
  });
  client.on("StasisEnd", (event: any, channel: any) => {
    void handler.onEnd(event, channel).catch((err) => console.error("call end failed", err));
  });

  await client.start(APP_NAME);
  console.log(`ARI application ${APP_NAME} started`);

  const shutdown = async () => {
    await client.stop();
    await pool.end();
    await redis.quit();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
