import type { SyncPayments } from "wasp/server/jobs";
import { stripe } from "../server/stripe";
import { getRedis } from "../server/redis";

const CURSOR_KEY = "payments:last-sync";

// Runs every 15 minutes on pg-boss inside the Wasp server process; all
// clients used here are the process-wide ones.
export const syncPayments: SyncPayments<Record<string, never>, { marked: number }> = async (_args, context) => {
  const redis = getRedis();
  const since = Number((await redis.get(CURSOR_KEY)) ?? Math.floor(Date.now() / 1000) - 86_400);
  const startedAt = Math.floor(Date.now() / 1000);

  let marked = 0;
  for await (const inv of stripe.invoices.list({ status: "paid", created: { gte: since }, limit: 100 })) {
    const res = await context.entities.Invoice.updateMany({
      where: { stripeInvoiceId: inv.id, status: { not: "paid" } },
      data: { status: "paid" },
    });
    marked += res.count;
  }

  await redis.set(CURSOR_KEY, String(startedAt));
  return { marked };
};
