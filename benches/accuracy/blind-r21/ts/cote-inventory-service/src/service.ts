import cote from "cote";
import Redis from "ioredis";
import { pool } from "./db";
import { handleRelease, handleReserve, handleStockLevel, makeDeliveryHandler } from "./handlers";

const redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379", {
  maxRetriesPerRequest: 3,
});

const responder = new cote.Responder({
  name: "inventory responder",
  key: "inventory",
  respondsTo: ["stock-level", "reserve", "release"],
});

responder.on("stock-level", handleStockLevel);
responder.on("reserve", handleReserve);
responder.on("release", handleRelease);

const subscriber = new cote.Subscriber({
  name: "inventory delivery subscriber",
  key: "warehouse",
  subscribesTo: ["delivery.received"],
});

subscriber.on("delivery.received", makeDeliveryHandler(redis));

async function shutdown(): Promise<void> {
  responder.close();
  subscriber.close();
  await Promise.allSettled([pool.end(), redis.quit()]);
  process.exit(0);
}

process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
console.log("inventory service up");
