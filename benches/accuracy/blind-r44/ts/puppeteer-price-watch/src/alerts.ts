import { Redis } from "ioredis";
import type { PriceSample } from "./store.js";

const CHANNEL = "pricing:drops";

function formatAlert(sample: PriceSample, floor: number): string {
  return JSON.stringify({
    sku: sample.sku,
    competitor: sample.competitor,
    price: sample.price,
    floor,
    delta: Number((floor - sample.price).toFixed(2)),
    at: sample.seenAt.toISOString(),
  });
}

export async function notifyPriceDrop(sample: PriceSample, floor: number): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");
  const key = `pricing:drop:${sample.competitor}:${sample.sku}`;
  const fresh = await redis.set(key, String(sample.price), "EX", 3600, "NX");
  if (fresh !== "OK") return;
  await redis.publish(CHANNEL, formatAlert(sample, floor));
  await redis.lpush("pricing:drops:history", formatAlert(sample, floor));
  await redis.ltrim("pricing:drops:history", 0, 499);
}
