import { createTool } from "@mastra/core/tools";
import { MongoClient } from "mongodb";
import { z } from "zod";
import { carrierPool, trackingEvents } from "../lib/carrier";
import { billing } from "../lib/billing-db";

export const lookupOrderTool = createTool({
  id: "lookup-order",
  description: "Fetch an order by its public order number, including line items and tracking number.",
  inputSchema: z.object({ orderNumber: z.string().min(4) }),
  outputSchema: z.object({
    found: z.boolean(),
    status: z.string().optional(),
    trackingNo: z.string().optional(),
    items: z.array(z.object({ title: z.string(), qty: z.number() })).optional(),
  }),
  execute: async ({ context }) => {
    const mongo = new MongoClient(process.env.MONGODB_URI!);
    try {
      await mongo.connect();
      const order = await mongo
        .db("shop")
        .collection("orders")
        .findOne({ number: context.orderNumber }, { projection: { status: 1, trackingNo: 1, items: 1 } });
      if (!order) return { found: false };
      return {
        found: true,
        status: order.status,
        trackingNo: order.trackingNo,
        items: order.items.map((i: { title: string; qty: number }) => ({ title: i.title, qty: i.qty })),
      };
    } finally {
      await mongo.close();
    }
  },
});

export const shippingStatusTool = createTool({
  id: "shipping-status",
  description: "Get the latest carrier scan events for a tracking number.",
  inputSchema: z.object({ trackingNo: z.string() }),
  execute: async ({ context }) => {
    const pool = carrierPool();
    const { events } = await trackingEvents(pool, context.trackingNo);
    return { latest: events.at(-1) ?? null, count: events.length };
  },
});

export const refundEligibilityTool = createTool({
  id: "refund-eligibility",
  description: "Check whether an order can still be refunded and how much.",
  inputSchema: z.object({ orderNumber: z.string() }),
  execute: async ({ context }) => {
    const [row] = await billing`
      select paid_cents, refunded_cents, paid_at
      from invoices
      where order_number = ${context.orderNumber}
    `;
    if (!row) return { eligible: false, reason: "no invoice" };
    const ageDays = (Date.now() - new Date(row.paid_at).getTime()) / 86_400_000;
    return {
      eligible: ageDays <= 30 && row.refunded_cents < row.paid_cents,
      maxRefundCents: row.paid_cents - row.refunded_cents,
    };
  },
});
