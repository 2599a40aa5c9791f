import { setTimeout as sleep } from "node:timers/promises";
import { connect, type NatsConnection } from "nats";
import { createPool, createS3 } from "./clients.js";
import { makeHandlers, type OrderCompleted } from "./handlers.js";

const STREAM = "ORDERS";
const DURABLE = "invoice-worker";

async function connectNats(): Promise<NatsConnection> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await connect({
        servers: (process.env.NATS_URL ?? "nats://127.0.0.1:4222").split(","),
        name: DURABLE,
        maxReconnectAttempts: -1,
      });
    } catch (err) {
      if (attempt >= 8) throw err;
      console.warn(`nats unavailable (attempt ${attempt}): ${(err as Error).message}`);
      await sleep(attempt * 1500);
    }
  }
}

async function main(): Promise<void> {
  const pool = createPool();
  const s3 = createS3();
  const handlers = makeHandlers({ pool, s3, bucket: process.env.INVOICE_BUCKET ?? "acme-invoices" });

  const nc = await connectNats();
  const js = nc.jetstream();
  const consumer = await js.consumers.get(STREAM, DURABLE);
  const messages = await consumer.consume({ max_messages: 32 });

  const stop = async () => {
    messages.stop();
    await nc.drain();
    await pool.end();
    s3.destroy();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);

  for await (const m of messages) {
    try {
      if (m.subject === "orders.completed") {
        await handlers.orderCompleted(m.json<OrderCompleted>());
      } else if (m.subject === "orders.cancelled") {
        await handlers.orderCancelled(m.json<{ orderId: string }>());
      }
      m.ack();
    } catch (err) {
      console.error(`failed ${m.subject} #${m.seq}`, err);
      if (m.info.redeliveryCount >= 5) {
        m.term();
      } else {
        m.nak(10_000 * m.info.redeliveryCount);
      }
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
