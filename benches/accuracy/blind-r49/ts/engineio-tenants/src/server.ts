import http from "node:http";
import { Server, type Socket } from "engine.io";
import { closeAll, getRedis, isKnownTenant, poolFor } from "./tenants.js";

interface Msg { op: "cursor" | "ack"; docId: string; pos?: number }

const httpServer = http.createServer((_req, res) => res.writeHead(404).end());
const engine = new Server({ pingInterval: 20_000, cors: { origin: true } });
engine.attach(httpServer, { path: "/rt/" });

engine.on("connection", (socket: Socket) => {
  const url = new URL(socket.request.url ?? "/", "http://x");
  const tenant = url.searchParams.get("tenant") ?? "";
  const user = url.searchParams.get("user") ?? "anon";
  if (!isKnownTenant(tenant)) {
    socket.close();
    return;
  }

  socket.on("message", async (data) => {
    let msg: Msg;
    try {
      msg = JSON.parse(String(data));
    } catch {
      return;
    }
    if (msg.op === "cursor") {
      await getRedis().publish(`${tenant}:doc:${msg.docId}`, JSON.stringify({ user, pos: msg.pos }));
      return;
    }
    const client = await poolFor(tenant).connect();
    try {
      await client.query(
        "INSERT INTO doc_ack (doc_id, user_id, acked_at) VALUES ($1, $2, now()) ON CONFLICT DO NOTHING",
        [msg.docId, user],
      );
    } finally {
      client.release();
    }
    socket.send(JSON.stringify({ op: "acked", docId: msg.docId }));
  });
});

httpServer.listen(Number(process.env.PORT ?? 3030));

process.on("SIGTERM", async () => {
  engine.close();
  httpServer.close();
  await closeAll();
  process.exit(0);
});
