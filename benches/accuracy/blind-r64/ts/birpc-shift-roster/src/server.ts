import { createServer } from "node:http";
import { createBirpc, type BirpcReturn } from "birpc";
import { Redis } from "ioredis";
import pg from "pg";
import { WebSocketServer } from "ws";
import { CHANNEL, rosterFunctions } from "./roster.js";
import type { ClientFunctions, ServerFunctions, Shift } from "./types.js";

const pool = new pg.Pool({ connectionString: process.env.ROSTER_DATABASE_URL, max: 10 });
const pub = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
const sub = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");

const peers = new Set<BirpcReturn<ClientFunctions, ServerFunctions>>();

const http = createServer((_req, res) => res.writeHead(426).end("websocket only"));
const wss = new WebSocketServer({ server: http, path: "/rpc" });

wss.on("connection", (ws, req) => {
  const volunteer = String(req.headers["x-forwarded-user"] ?? "");
  if (!volunteer) {
    ws.close(4401, "unauthenticated");
    return;
  }

  // A birpc channel is just a message router over this socket, not a new connection.
  const rpc = createBirpc<ClientFunctions, ServerFunctions>(rosterFunctions(pool, pub, volunteer), {
    post: (data) => ws.send(data),
    on: (fn) => ws.on("message", fn),
    serialize: (v) => JSON.stringify(v),
    deserialize: (v) => JSON.parse(String(v)),
    timeout: 10_000,
  });
  peers.add(rpc);
  ws.on("close", () => peers.delete(rpc));
});

// Fan-out of changes from every roster instance to the browsers connected here.
await sub.subscribe(CHANNEL);
sub.on("message", (_channel, payload) => {
  const shift = JSON.parse(payload) as Shift;
  for (const peer of peers) peer.shiftChanged.asEvent(shift);
});

http.listen(Number(process.env.PORT ?? 8090), () => console.log("roster rpc up"));

const shutdown = async () => {
  wss.close();
  http.close();
  await Promise.allSettled([pool.end(), pub.quit(), sub.quit()]);
  process.exit(0);
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
