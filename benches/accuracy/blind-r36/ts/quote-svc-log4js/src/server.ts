import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import log4js from "log4js";
import { setupLogging } from "./logging.js";
import { pool, withTransaction } from "./db.js";

setupLogging();
const baseLogger = log4js.getLogger("http");

const server = createServer(async (req, res) => {
  const requestId = (req.headers["x-request-id"] as string | undefined) ?? randomUUID();
  const logger = log4js.getLogger("http");
  logger.addContext("requestId", requestId);
  const started = Date.now();
  try {
    const url = new URL(req.url ?? "/", "http://internal");
    if (req.method === "GET" && url.pathname === "/quotes") {
      const { rows } = await pool.query(
        "SELECT id, customer, amount_cents, valid_until FROM quotes WHERE customer = $1 ORDER BY id DESC LIMIT 20",
        [url.searchParams.get("customer")],
      );
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(rows));
    } else if (req.method === "POST" && url.pathname === "/quotes/expire") {
      const expired = await withTransaction(async (client) => {
        const r = await client.query("UPDATE quotes SET status = 'expired' WHERE valid_until < now() AND status = 'open'");
        await client.query("INSERT INTO quote_jobs (kind, affected) VALUES ('expire', $1)", [r.rowCount]);
        return r.rowCount;
      });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ expired }));
    } else {
      res.writeHead(404).end();
    }
    logger.info(`${req.method} ${url.pathname} ${res.statusCode} ${Date.now() - started}ms`);
  } catch (err) {
    logger.error("request failed", err);
    if (!res.headersSent) res.writeHead(500).end();
  } finally {
    logger.removeContext("requestId");
  }
});

server.listen(Number(process.env.PORT ?? 8080), () => baseLogger.info("quote-svc listening"));

process.on("SIGTERM", () => {
  server.close(() => {
    pool.end().finally(() => log4js.shutdown(() => process.exit(0)));
  });
});
