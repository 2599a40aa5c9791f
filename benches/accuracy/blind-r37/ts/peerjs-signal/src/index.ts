import { PeerServer } from "peer";
import { pool } from "./db.js";
import { regionRedis, closeRegionClients } from "./regionRedis.js";
import { makePresenceHandlers } from "./presence.js";

const handlers = makePresenceHandlers({ pool, redisFor: regionRedis });

const peerServer = PeerServer({
  port: Number(process.env.PORT ?? 9000),
  path: "/signal",
  key: process.env.PEER_KEY ?? "support",
  alive_timeout: 60_000,
  allow_discovery: false,
});

peerServer.on("connection", (client) => {
  handlers.onConnection(client).catch((err) => console.error(`connect ${client.getId()}`, err));
});

peerServer.on("disconnect", (client) => {
  handlers.onDisconnect(client).catch((err) => console.error(`disconnect ${client.getId()}`, err));
});

peerServer.on("error", (err) => console.error("peer server error", err));

process.on("SIGTERM", async () => {
  await closeRegionClients();
  await pool.end();
  process.exit(0);
});
