import Redis from "ioredis";
import type { EntryEvent } from "hazelcast-client";
import { markEvicted, upsertOrder, type OrderSnapshot } from "./db/orders";
import { writeAudit } from "./db/audit";

async function notifyCustomer(order: OrderSnapshot): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");
  await redis.publish(
    `customer:${order.customerId}:orders`,
    JSON.stringify({ id: order.id, status: order.status }),
  );
}

export const orderListener = {
  added: async (event: EntryEvent<string, OrderSnapshot>) => {
    await upsertOrder(event.value);
    await writeAudit("added", event.key, event.value);
  },
  updated: async (event: EntryEvent<string, OrderSnapshot>) => {
    await upsertOrder(event.value);
    await writeAudit("updated", event.key, { from: event.oldValue?.status, to: event.value.status });
    if (event.oldValue?.status !== event.value.status) {
      await notifyCustomer(event.value);
    }
  },
  evicted: async (event: EntryEvent<string, OrderSnapshot>) => {
    await markEvicted(event.key);
  },
};
