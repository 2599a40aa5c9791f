import { createServer } from "node:http";
import pino from "pino";
import { createEndpoint } from "@jambonz/node-client-ws";

import { onNewSession } from "./routes/ivr";
import { pool } from "./lib/db";

const logger = pino({ level: process.env.LOGLEVEL ?? "info" });
const server = createServer((req, res) => {
  if (req.url === "/healthz") {
    res.writeHead(200).end("ok");
    return;
  }
  res.writeHead(404).end();
});

const makeService = createEndpoint({ server, logger });
const support = makeService({ path: "/support" });
support.on("session:new", onNewSession(logger));

const port = Number(process.env.HTTP_PORT ?? 3000);
server.listen(port, () => logger.info(`jambonz ws app listening on ${port}`));

process.on("SIGTERM", async () => {
  server.close();
  await pool.end();
  process.exit(0);
});
