import { z } from "zod";
import type { FastMCP } from "fastmcp";
import { mongo, ordersDb } from "@lib/mongo";

export function registerOrderTools(server: FastMCP): void {
  server.addTool({
    name: "find_order",
    description: "Fetch an order by its number",
    parameters: z.object({ orderNo: z.string() }),
    execute: async ({ orderNo }) => {
      const order = await ordersDb().collection("orders").findOne({ orderNo });
      return order ? JSON.stringify(order) : `No order ${orderNo}`;
    },
  });

  server.addTool({
    name: "cancel_order",
    description: "Cancel an order and release its stock reservations",
    parameters: z.object({ orderNo: z.string(), reason: z.string().max(200) }),
    execute: async ({ orderNo, reason }) => {
      const session = mongo.startSession();
      session.startTransaction();
      const orders = ordersDb().collection("orders");
      const reservations = ordersDb().collection("reservations");

      const order = await orders.findOne({ orderNo }, { session });
      if (!order) {
        throw new Error(`No order ${orderNo}`);
      }
      if (order.status === "shipped") {
        throw new Error(`Order ${orderNo} already shipped`);
      }
      await orders.updateOne({ orderNo }, { $set: { status: "cancelled", reason } }, { session });
      await reservations.deleteMany({ orderNo }, { session });
      await session.commitTransaction();
      await session.endSession();
      return `Order ${orderNo} cancelled`;
    },
  });

  server.addResource({
    uri: "warehouse://orders/open",
    name: "Open orders",
    mimeType: "application/json",
    async load() {
      const open = await ordersDb().collection("orders").find({ status: "open" }).limit(100).toArray();
      return { text: JSON.stringify(open) };
    },
  });
}
