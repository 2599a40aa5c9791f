import http from "node:http";
import { WebSocketServer } from "ws";
import { Repo } from "@automerge/automerge-repo";
import { NodeWSServerAdapter } from "@automerge/automerge-repo-network-websocket";
import { connectWithRetry } from "./db.js";
import { PgStorageAdapter } from "./pgStorage.js";

async function main(): Promise<void> {
  const pool = await connectWithRetry();
  const storage = new PgStorageAdapter(pool);

  const server = http.createServer((req, res) => {
    if (req.url === "/healthz") {
      pool
        .query("SELECT 1")
        .then(() => res.writeHead(200).end("ok"))
        .catch(() => res.writeHead(503).end("db down"));
      return;
    }
    res.writeHead(404).end();
  });

  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request));
  });

  const repo = new Repo({
    network: [new NodeWSServerAdapter(wss)],
    storage,
    peerId: `sync-server-${process.pid}` as any,
    sharePolicy: async () => false,
  });

  server.listen(Number(process.env.PORT ?? 3030), () => console.log("automerge sync server up"));

  const shutdown = async () => {
    wss.close();
    server.close();
    await repo.flush();
    await pool.end();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
