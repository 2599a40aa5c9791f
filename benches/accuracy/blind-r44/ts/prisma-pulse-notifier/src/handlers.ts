import { SendEmailCommand } from "@aws-sdk/client-sesv2";
import type { Clients } from "./clients.js";

type Kind = "confirmation" | "shipped";

const SUBJECTS: Record<Kind, (n: string) => string> = {
  confirmation: (n) => `We received your order ${n}`,
  shipped: (n) => `Your order ${n} is on its way`,
};

export async function sendOrderEmail(c: Clients, orderId: number, kind: Kind): Promise<void> {
  const lockKey = `pulse:order-email:${orderId}:${kind}`;
  const locked = await c.redis.set(lockKey, "1", "EX", 600, "NX");
  if (locked !== "OK") return;

  const order = await c.db.order.findUnique({
    where: { id: orderId },
    include: { customer: true, emails: { where: { kind } } },
  });
  if (!order || order.emails.length > 0) return;

  const body =
    kind === "shipped"
      ? `Hi ${order.customer.name}, track your parcel here: ${order.trackingUrl ?? "(link follows)"}`
      : `Hi ${order.customer.name}, thanks for your order of ${(order.totalCents / 100).toFixed(2)} EUR.`;

  const sent = await c.ses.send(
    new SendEmailCommand({
      FromEmailAddress: process.env.MAIL_FROM ?? "orders@shop.example",
      Destination: { ToAddresses: [order.customer.email] },
      Content: {
        Simple: {
          Subject: { Data: SUBJECTS[kind](order.number) },
          Body: { Text: { Data: body } },
        },
      },
    }),
  );

  await c.db.orderEmail.create({
    data: { orderId: order.id, kind, messageId: sent.MessageId ?? "unknown" },
  });
}
