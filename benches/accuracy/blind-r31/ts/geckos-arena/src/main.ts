import http from "node:http";
import geckos, { iceServers } from "@geckos.io/server";
import { createClients } from "./clients.js";
import { createRoomHandlers } from "./room-handlers.js";

async function main() {
  const clients = await createClients();

  const server = http.createServer((req, res) => {
    if (req.url === "/healthz") {
      res.writeHead(200).end("ok");
      return;
    }
    res.writeHead(404).end();
  });

  const io = geckos({
    iceServers: process.env.NODE_ENV === "production" ? iceServers : [],
    authorization: async (auth) => {
      const [playerId, matchId] = String(auth ?? "").split(":");
      if (!playerId || !matchId) return false;
      const { rowCount } = await clients.db.query(
        "SELECT 1 FROM match_players WHERE match_id = $1 AND player_id = $2",
        [matchId, playerId],
      );
      return rowCount ? { playerId, matchId } : false;
    },
  });
  io.addServer(server);
  io.onConnection(createRoomHandlers(io, clients));

  server.listen(Number(process.env.PORT ?? 9208));

  process.on("SIGTERM", async () => {
    server.close();
    await clients.db.end();
    clients.redis.disconnect();
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
