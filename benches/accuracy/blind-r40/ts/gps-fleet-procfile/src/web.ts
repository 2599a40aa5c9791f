import http from "node:http";
import { attach, type Socket } from "engine.io";
import type { Pool, RowDataPacket } from "mysql2/promise";
import { createPool } from "./db.js";

interface PositionRow extends RowDataPacket {
  vehicle_id: string;
  lat: number;
  lon: number;
  updated_at: Date;
}

async function main(): Promise<void> {
  const pool: Pool = await createPool("web");

  const httpServer = http.createServer((req, res) => {
    if (req.url === "/healthz") {
      res.writeHead(200).end("ok");
      return;
    }
    res.writeHead(404).end();
  });
  const engine = attach(httpServer, { path: "/live/", pingInterval: 20_000 });
  const watchers = new Set<Socket>();

  engine.on("connection", (socket: Socket) => {
    watchers.add(socket);
    socket.on("message", async (data) => {
      const msg = JSON.parse(String(data)) as { type: string; vehicleId?: string; limit?: number };
      if (msg.type === "trail" && msg.vehicleId) {
        const [rows] = await pool.query<RowDataPacket[]>(
          "SELECT lat, lon, fixed_at FROM fixes WHERE vehicle_id = ? ORDER BY fixed_at DESC LIMIT ?",
          [msg.vehicleId, Math.min(msg.limit ?? 200, 1000)],
        );
        socket.send(JSON.stringify({ type: "trail", vehicleId: msg.vehicleId, points: rows }));
      }
    });
    socket.on("close", () => watchers.delete(socket));
  });

  // push the latest positions to every open dashboard every 3 seconds
  const timer = setInterval(async () => {
    if (watchers.size === 0) return;
    try {
      const [rows] = await pool.query<PositionRow[]>("SELECT vehicle_id, lat, lon, updated_at FROM last_position");
      const payload = JSON.stringify({ type: "positions", rows });
      for (const socket of watchers) socket.send(payload);
    } catch (err) {
      console.error("position broadcast failed", err);
    }
  }, 3000);

  httpServer.listen(Number(process.env.PORT ?? 5000));

  process.on("SIGTERM", () => {
    clearInterval(timer);
    engine.close();
    httpServer.close(() => void pool.end());
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
