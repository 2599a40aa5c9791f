import http from "k6/http";
import { check, sleep } from "k6";
import { Counter } from "k6/metrics";
import redis from "k6/experimental/redis";
import type { Options } from "k6/options";

import { db, loadSkus, orderCount, type Sku } from "../lib/data.ts";

const BASE = __ENV.BASE_URL ?? "https://staging.shop.example";
const RUN_TAG = __ENV.RUN_TAG ?? `load-${Date.now()}`;

// Init context as well: one Redis client per VU.
const cache = new redis.Client(__ENV.REDIS_URL ?? "redis://localhost:6379");

const checkoutFailures = new Counter("checkout_failures");

export const options: Options = {
  scenarios: {
    checkout: {
      executor: "ramping-vus",
      startVUs: 0,
      stages: [
        { duration: "2m", target: 50 },
        { duration: "5m", target: 50 },
        { duration: "1m", target: 0 },
      ],
    },
  },
  thresholds: {
    http_req_duration: ["p(95)<800"],
    checkout_failures: ["count<20"],
  },
};

export function setup(): { skus: Sku[] } {
  db.exec("DELETE FROM orders WHERE client_tag LIKE 'load-%' AND created_at < now() - interval '1 day';");
  return { skus: loadSkus(200) };
}

export default async function (data: { skus: Sku[] }) {
  const sku = data.skus[Math.floor(Math.random() * data.skus.length)]!;

  const cart = http.post(
    `${BASE}/api/cart`,
    JSON.stringify({ items: [{ sku: sku.sku, qty: 1 }] }),
    { headers: { "content-type": "application/json", "x-client-tag": RUN_TAG } },
  );
  check(cart, { "cart created": (r) => r.status === 201 });

  const cartId = cart.json("id") as string;
  const order = http.post(`${BASE}/api/cart/${cartId}/checkout`, JSON.stringify({ payment: "test-visa" }), {
    headers: { "content-type": "application/json", "x-client-tag": RUN_TAG },
  });
  const ok = check(order, { "order placed": (r) => r.status === 200 });
  if (!ok) {
    checkoutFailures.add(1);
  } else {
    await cache.incr(`load:${RUN_TAG}:orders`);
  }

  sleep(Math.random() * 2 + 1);
}

export async function teardown() {
  const placed = orderCount(RUN_TAG);
  const counted = Number((await cache.get(`load:${RUN_TAG}:orders`)) ?? 0);
  console.log(`orders in db: ${placed}, orders counted by VUs: ${counted}`);
  db.close();
}
