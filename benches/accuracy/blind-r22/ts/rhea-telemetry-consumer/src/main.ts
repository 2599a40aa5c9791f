import rhea, { type EventContext } from "rhea";
import { connectPostgres, createAlertingClient } from "./clients.js";
import { makeHandlers, type Reading } from "./handlers.js";

const db = await connectPostgres();
const alerts = createAlertingClient();
const handlers = makeHandlers({ db, alerts });

const container = rhea.create_container({ id: `telemetry-consumer-${process.pid}` });

container.on("connection_open", () => console.log("AMQP connection open"));
container.on("disconnected", (ctx: EventContext) => {
  console.warn("AMQP disconnected", ctx.error?.message ?? "");
});

container.on("message", (ctx: EventContext) => {
  const delivery = ctx.delivery!;
  let readings: Reading[];
  try {
    const body = typeof ctx.message?.body === "string" ? ctx.message.body : ctx.message?.body?.toString("utf8");
    readings = JSON.parse(body ?? "[]");
  } catch {
    delivery.reject({ condition: "amqp:decode-error", description: "invalid JSON body" });
    return;
  }

  handlers
    .onReadings(readings)
    .then(() => delivery.accept())
    .catch((err) => {
      console.error("failed to store readings", err);
      delivery.release({ delivery_failed: true });
    });
});

const connection = container.connect({
  host: process.env.AMQP_HOST ?? "broker.internal",
  port: Number(process.env.AMQP_PORT ?? 5671),
  transport: "tls",
  username: process.env.AMQP_USER,
  password: process.env.AMQP_PASSWORD,
  reconnect: true,
  initial_reconnect_delay: 1000,
  max_reconnect_delay: 30_000,
});

connection.open_receiver({
  source: { address: "telemetry.readings", durable: 2 },
  autoaccept: false,
  credit_window: 50,
});

async function shutdown(signal: string) {
  console.log(`${signal} received, draining`);
  connection.close();
  await alerts.close();
  await db.end();
  process.exit(0);
}

process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
