import { RPCServer, createRPCError } from "ocpp-rpc";
import { pool } from "./db.js";
import {
  onBootNotification,
  onMeterValues,
  onStartTransaction,
  onStatusNotification,
  onStopTransaction,
} from "./handlers.js";

const server = new RPCServer({
  protocols: ["ocpp1.6"],
  strictMode: true,
});

server.auth(async (accept, reject, handshake) => {
  const { rowCount } = await pool.query("SELECT 1 FROM chargers_allowed WHERE identity = $1", [
    handshake.identity,
  ]);
  if (rowCount === 0) {
    reject(401, "unknown charge point");
    return;
  }
  accept({ sessionId: `${handshake.identity}-${Date.now()}` });
});

server.on("client", (client) => {
  const id = client.identity;
  console.log(`charge point connected: ${id}`);

  client.handle("BootNotification", ({ params }) => onBootNotification(id, params));
  client.handle("Heartbeat", () => ({ currentTime: new Date().toISOString() }));
  client.handle("StatusNotification", ({ params }) => onStatusNotification(id, params));
  client.handle("MeterValues", ({ params }) => onMeterValues(id, params));
  client.handle("StartTransaction", ({ params }) => onStartTransaction(id, params));
  client.handle("StopTransaction", ({ params }) => onStopTransaction(id, params));
  client.handle(({ method }) => {
    throw createRPCError("NotImplemented", `${method} is not supported`);
  });

  client.on("close", () => console.log(`charge point disconnected: ${id}`));
});

await server.listen(Number(process.env.PORT ?? 9220));
console.log("OCPP central system listening");
