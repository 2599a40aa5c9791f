import express from "express";
import mongoose from "mongoose";
import { WebhookClient } from "dialogflow-fulfillment";

import { bookTable, cancelBooking } from "./intents/booking";
import { closeRedis } from "./redis";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function connectMongo(): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await mongoose.connect(process.env.MONGO_URL ?? "mongodb://127.0.0.1:27017/bookings", {
        maxPoolSize: 10,
        serverSelectionTimeoutMS: 5_000,
      });
      return;
    } catch (err) {
      await mongoose.disconnect().catch(() => undefined);
      if (attempt >= 10) throw err;
      console.warn(`mongo not ready (attempt ${attempt})`);
      await sleep(1_500 * attempt);
    }
  }
}

async function main() {
  await connectMongo();

  const intentMap = new Map<string, (agent: WebhookClient) => Promise<void> | void>([
    ["Book Table", bookTable],
    ["Cancel Booking", cancelBooking],
    ["Default Welcome Intent", (agent) => agent.add("Hi! Would you like to book a table?")],
  ]);

  const app = express();
  app.use(express.json());

  app.post("/fulfillment", (req, res) => {
    // WebhookClient only wraps this request/response pair; it holds no connection.
    const agent = new WebhookClient({ request: req, response: res });
    agent.handleRequest(intentMap).catch((err) => {
      console.error(err);
      if (!res.headersSent) res.status(500).end();
    });
  });

  const server = app.listen(Number(process.env.PORT ?? 8080));

  process.on("SIGTERM", () => {
    server.close(async () => {
      await mongoose.disconnect();
      await closeRedis();
      process.exit(0);
    });
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
