import { SaleorAsyncWebhook } from "@saleor/app-sdk/handlers/next";
import gql from "graphql-tag";
import { MongoClient } from "mongodb";
import { prisma, saleorApp } from "../../../lib/server";

interface OrderCreatedPayload {
  order: {
    id: string;
    number: string;
    status: string;
    userEmail: string | null;
    total: { gross: { amount: number; currency: string } };
    lines: { productSku: string | null; quantity: number }[];
  } | null;
}

const OrderCreatedSubscription = gql`
  subscription OrderCreated {
    event {
      ... on OrderCreated {
        order {
          id
          number
          status
          userEmail
          total { gross { amount currency } }
          lines { productSku quantity }
        }
      }
    }
  }
`;

export const orderCreatedWebhook = new SaleorAsyncWebhook<OrderCreatedPayload>({
  name: "Order Created - ERP sync",
  webhookPath: "api/webhooks/order-created",
  event: "ORDER_CREATED",
  apl: saleorApp.apl,
  query: OrderCreatedSubscription,
});

export const config = {
  api: {
    bodyParser: false,
  },
};

export default orderCreatedWebhook.createHandler(async (req, res, ctx) => {
  const { payload, authData } = ctx;
  const order = payload.order;
  if (!order) {
    return res.status(200).json({ skipped: "no order in payload" });
  }

  await prisma.syncedOrder.upsert({
    where: { id: order.id },
    create: {
      id: order.id,
      saleorApiUrl: authData.saleorApiUrl,
      number: order.number,
      status: order.status,
      totalGross: order.total.gross.amount,
      currency: order.total.gross.currency,
      customerMail: order.userEmail,
    },
    update: { status: order.status },
  });

  const audit = new MongoClient(process.env.MONGODB_URI!, { appName: "order-created-webhook" });
  try {
    await audit.connect();
    await audit
      .db("order_events")
      .collection("events")
      .insertOne({
        type: "ORDER_CREATED",
        orderId: order.id,
        saleorApiUrl: authData.saleorApiUrl,
        lines: order.lines,
        receivedAt: new Date(),
      });
  } finally {
    await audit.close();
  }

  return res.status(200).end();
});
