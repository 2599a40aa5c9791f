import { CommunicationProtocolEnum, DaprServer, HttpMethod } from "@dapr/dapr";
import pino from "pino";
import { closeAll } from "./db.js";
import { makeOrderCreatedHandler } from "./handlers/orders.js";
import { reserveStock } from "./handlers/reserve.js";
import { onShipmentDispatched } from "./handlers/shipments.js";

const log = pino({ name: "fulfillment" });

const server = new DaprServer({
  serverHost: "127.0.0.1",
  serverPort: process.env.APP_PORT ?? "50051",
  communicationProtocol: CommunicationProtocolEnum.HTTP,
  clientOptions: {
    daprHost: "127.0.0.1",
    daprPort: process.env.DAPR_HTTP_PORT ?? "3500",
  },
});

async function main(): Promise<void> {
  await server.pubsub.subscribe("pubsub", "orders.created", makeOrderCreatedHandler(server.client));
  await server.pubsub.subscribe("pubsub", "shipments.dispatched", onShipmentDispatched);
  await server.invoker.listen("reserve-stock", reserveStock, { method: HttpMethod.POST });

  await server.start();
  log.info("fulfillment app listening for Dapr sidecar");

  const shutdown = async () => {
    log.info("shutting down");
    await server.stop();
    await closeAll();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((err) => {
  log.error(err, "fatal");
  process.exit(1);
});
