import http from "node:http";
import * as socketClusterServer from "socketcluster-server";
import { bindModels } from "./db/knex.js";
import { handleConnection } from "./connection.js";

const PORT = Number(process.env.PORT ?? 8000);

bindModels();

const httpServer = http.createServer((req, res) => {
  if (req.url === "/healthz") {
    res.writeHead(200).end("ok");
    return;
  }
  res.writeHead(404).end();
});

const agServer = socketClusterServer.attach(httpServer, {
  authKey: process.env.SC_AUTH_KEY,
  pingInterval: 10_000,
});

(async () => {
  for await (const { socket } of agServer.listener("connection")) {
    handleConnection(agServer, socket).catch((err) => {
      console.error("[sc] connection setup failed", err);
      socket.disconnect(4500, "setup failed");
    });
  }
})();

(async () => {
  for await (const { error } of agServer.listener("error")) {
    console.error("[sc] server error", error);
  }
})();

httpServer.listen(PORT, () => console.log(`kanban realtime on :${PORT}`));
