import { Gauge } from "prom-client";
import { redis } from "../redis.js";

const QUEUES = ["emails", "webhooks", "exports"];

export const queueDepth = new Gauge({
  name: "shop_queue_depth",
  help: "Jobs waiting in each Redis list queue",
  labelNames: ["queue"] as const,
  async collect() {
    const lengths = await Promise.all(QUEUES.map((q) => redis.llen(`queue:${q}`)));
    QUEUES.forEach((q, i) => this.set({ queue: q }, lengths[i]));
  },
});
