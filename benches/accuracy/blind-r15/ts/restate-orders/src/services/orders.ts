import * as restate from "@restatedev/restate-sdk";
import Redis from "ioredis";
import { one } from "../db.js";
import { appendEntry } from "../ledger/store.js";
import { cart } from "./cart.js";

export type PlaceOrder = {
  orderId: string;
  customerId: string;
  sku: string;
  qty: number;
  priceCents: number;
};

async function reserveStock(sku: string, qty: number): Promise<boolean> {
  const redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: 2 });
  try {
    const left = await redis.decrby(`stock:${sku}`, qty);
    if (left < 0) {
      await redis.incrby(`stock:${sku}`, qty);
      return false;
    }
    return true;
  } finally {
    redis.disconnect();
  }
}

export const orders = restate.service({
  name: "orders",
  handlers: {
    place: async (ctx: restate.Context, req: PlaceOrder) => {
      const reserved = await ctx.run("reserve-stock", () => reserveStock(req.sku, req.qty));
      if (!reserved) {
        throw new restate.TerminalError(`out of stock: ${req.sku}`, { errorCode: 409 });
      }

      await ctx.run("insert-order", async () => {
        await one(
          "insert into orders (id, customer_id, sku, qty, total_cents, status) values ($1, $2, $3, $4, $5, 'placed') on conflict (id) do nothing",
          [req.orderId, req.customerId, req.sku, req.qty, req.qty * req.priceCents],
        );
      });

      await ctx.run("ledger-charge", () =>
        appendEntry(req.orderId, req.qty * req.priceCents, "charge"),
      );

      ctx.objectSendClient(cart, req.customerId).clear();
      return { orderId: req.orderId, status: "placed" };
    },

    status: async (ctx: restate.Context, orderId: string) => {
      const row = await ctx.run("load", () =>
        one<{ status: string }>("select status from orders where id = $1", [orderId]),
      );
      return row?.status ?? "unknown";
    },
  },
});
