import { SaleorAsyncWebhook } from "@saleor/app-sdk/handlers/next";
import gql from "graphql-tag";
import { clientPromise, prisma, saleorApp } from "../../../lib/server";

interface OrderFullyPaidPayload {
  order: {
    id: string;
    number: string;
    paymentStatus: string;
    updatedAt: string;
    lines: { productSku: string | null; quantity: number }[];
  } | null;
}

const OrderFullyPaidSubscription = gql`
  subscription OrderFullyPaid {
    event {
      ... on OrderFullyPaid {
        order {
          id
          number
          paymentStatus
          updatedAt
          lines { productSku quantity }
        }
      }
    }
  }
`;

export const orderFullyPaidWebhook = new SaleorAsyncWebhook<OrderFullyPaidPayload>({
  name: "Order Fully Paid - ERP sync",
  webhookPath: "api/webhooks/order-fully-paid",
  event: "ORDER_FULLY_PAID",
  apl: saleorApp.apl,
  query: OrderFullyPaidSubscription,
});

export const config = {
  api: {
    bodyParser: false,
  },
};

export default orderFullyPaidWebhook.createHandler(async (req, res, ctx) => {
  const order = ctx.payload.order;
  if (!order) {
    return res.status(200).end();
  }

  await prisma.syncedOrder.update({
    where: { id: order.id },
    data: { status: "PAID", paidAt: new Date(order.updatedAt) },
  });

  const client = await clientPromise;
  const db = client.db("order_events");
  const session = client.startSession();
  session.startTransaction();

  for (const line of order.lines) {
    if (!line.productSku) continue;
    const result = await db
      .collection("reservations")
      .updateOne(
        { sku: line.productSku, orderId: order.id, state: "held" },
        { $set: { state: "committed", committedAt: new Date() } },
        { session },
      );
    if (result.matchedCount === 0) {
      await session.abortTransaction();
      return res.status(409).json({ error: `no held reservation for ${line.productSku}` });
    }
  }

  await db
    .collection("events")
    .insertOne({ type: "ORDER_FULLY_PAID", orderId: order.id, receivedAt: new Date() }, { session });
  await session.commitTransaction();
  await session.endSession();

  return res.status(200).end();
});
