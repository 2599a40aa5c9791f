import http from "node:http";
import Redis from "ioredis";
import type pg from "pg";
import { createPool, type OutboxEvent } from "./pool.js";

function makeChangeHandler(pool: pg.Pool, redis: Redis) {
  // Debezium Server's HTTP sink POSTs one change event per request and waits
  // for a 2xx before sending the next one.
  return async function handleChange(event: OutboxEvent): Promise<void> {
    const stream = `events:${event.aggregatetype.toLowerCase()}`;
    const client = await pool.connect();
    try {
      await client.query("begin");
      const { rowCount } = await client.query(
        "insert into relayed (outbox_id, relayed_at) values ($1, now()) on conflict do nothing",
        [event.id]
      );
      if (rowCount === 1) {
        await redis.xadd(stream, "MAXLEN", "~", "1000000", "*", "id", event.id, "type", event.type, "key", event.aggregateid, "payload", JSON.stringify(event.payload));
      }
      await client.query("commit");
    } catch (err) {
      await client.query("rollback");
      throw err;
    } finally {
      client.release();
    }
  };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function main() {
  const pool = createPool("outbox-relay", 4);
  const redis = new Redis(process.env.EVENTS_REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: 3 });
  const handleChange = makeChangeHandler(pool, redis);

  const server = http.createServer(async (req, res) => {
    if (req.method !== "POST" || req.url !== "/changes") {
      res.writeHead(404).end();
      return;
    }
    try {
      const event = JSON.parse(await readBody(req)) as OutboxEvent;
      await handleChange(event);
      res.writeHead(204).end();
    } catch (err) {
      console.error("relay failed", err);
      res.writeHead(503).end();
    }
  });
  server.listen(8090);

  process.once("SIGTERM", () => {
    server.close(async () => {
      await redis.quit();
      await pool.end();
    });
  });
}

main();
