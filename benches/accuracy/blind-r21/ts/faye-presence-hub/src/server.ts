import http from "node:http";
import faye from "faye";
import Redis from "ioredis";
import { Pool } from "pg";
import { makeExtensions } from "./extensions";

const db = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");

const bayeux = new faye.NodeAdapter({ mount: "/faye", timeout: 45 });
for (const ext of makeExtensions({ db, redis })) {
  bayeux.addExtension(ext);
}

bayeux.on("subscribe", (clientId: string, channel: string) => {
  redis.sadd(`presence:${channel}`, clientId).catch(() => undefined);
});
bayeux.on("unsubscribe", (clientId: string, channel: string) => {
  redis.srem(`presence:${channel}`, clientId).catch(() => undefined);
});
bayeux.on("disconnect", (clientId: string) => {
  redis.del(`client:${clientId}`).catch(() => undefined);
});

const server = http.createServer(async (req, res) => {
  if (req.url === "/healthz") {
    try {
      await db.query("SELECT 1");
      res.writeHead(200).end("ok");
    } catch {
      res.writeHead(503).end("db down");
    }
    return;
  }
  res.writeHead(404).end();
});

bayeux.attach(server);
server.listen(Number(process.env.PORT ?? 8000), () => {
  console.log("presence hub listening");
});

process.on("SIGTERM", () => {
  server.close(async () => {
    await Promise.allSettled([db.end(), redis.quit()]);
    process.exit(0);
  });
});
