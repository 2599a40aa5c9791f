import { Connection } from "rabbitmq-client";
import { dispatch } from "./dispatch.js";
import { sql } from "./lib/sql.js";

const rabbit = new Connection(process.env.RABBITMQ_URL ?? "amqp://guest:guest@localhost:5672");
rabbit.on("error", (err) => console.error("[rabbit] connection error", err));
rabbit.on("connection", () => console.log("[rabbit] connected"));

const consumer = rabbit.createConsumer(
  {
    queue: "ledger.postings",
    queueOptions: { durable: true, arguments: { "x-queue-type": "quorum" } },
    qos: { prefetchCount: 8 },
    exchanges: [{ exchange: "payments", type: "topic", durable: true }],
    queueBindings: [
      { exchange: "payments", routingKey: "payment.settled" },
      { exchange: "payments", routingKey: "payment.refunded" },
      { exchange: "payments", routingKey: "fx.converted" },
    ],
  },
  dispatch,
);
consumer.on("error", (err) => console.error("[rabbit] consumer error", err));

async function shutdown(): Promise<void> {
  await consumer.close();
  await rabbit.close();
  await sql.end({ timeout: 5 });
  process.exit(0);
}

process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
