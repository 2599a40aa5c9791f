import { createServer } from "http";
import { Server } from "colyseus";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { RedisPresence } from "@colyseus/redis-presence";
import { ArenaRoom } from "./rooms/ArenaRoom";
import { pool } from "./db";

const port = Number(process.env.PORT ?? 2567);

const gameServer = new Server({
  transport: new WebSocketTransport({ server: createServer() }),
  presence: new RedisPresence(process.env.REDIS_URL ?? "redis://localhost:6379"),
});

gameServer.define("arena", ArenaRoom).filterBy(["mode"]);

gameServer.onShutdown(async () => {
  await pool.end();
});

gameServer.listen(port).then(() => console.log(`arena listening on ws://localhost:${port}`));
