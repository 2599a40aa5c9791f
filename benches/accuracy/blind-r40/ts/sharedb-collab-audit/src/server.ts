import http from "node:http";
import ShareDB from "sharedb";
// sharedb-mongo ships no type declarations
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore
import ShareDBMongo from "sharedb-mongo";
import { WebSocketServer } from "ws";
import WebSocketJSONStream from "@teamwork/websocket-json-stream";
import { registerSessionMiddleware } from "./middleware/session.js";
import { registerAuditMiddleware } from "./middleware/audit.js";
import { registerQuotaMiddleware } from "./middleware/quota.js";

const mongoUrl = process.env.MONGO_URL ?? "mongodb://localhost:27017/collab";
const backend = new ShareDB({
  db: ShareDBMongo(mongoUrl),
  presence: true,
});

// middleware is registered once; ShareDB invokes it for every connect / op
registerSessionMiddleware(backend);
registerQuotaMiddleware(backend);
registerAuditMiddleware(backend);

const server = http.createServer((req, res) => {
  if (req.url === "/healthz") {
    res.writeHead(200).end("ok");
    return;
  }
  res.writeHead(404).end();
});

const wss = new WebSocketServer({ server, path: "/collab" });
wss.on("connection", (ws, req) => {
  const stream = new WebSocketJSONStream(ws);
  backend.listen(stream, req);
});

const port = Number(process.env.PORT ?? 8080);
server.listen(port, () => {
  console.log(`sharedb listening on :${port}`);
});

process.on("SIGTERM", () => {
  wss.close();
  backend.close(() => server.close());
});
