import type { ServerSetupFn } from "wasp/server";
import { getRedis } from "./redis";

// Runs once when the server starts.
export const setupServer: ServerSetupFn = async ({ app }) => {
  const redis = getRedis();
  await redis.ping();

  app.get("/healthz", async (_req, res) => {
    const pong = await getRedis().ping();
    res.json({ ok: pong === "PONG" });
  });
};
