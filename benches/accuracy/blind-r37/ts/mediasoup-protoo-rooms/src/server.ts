import http from "node:http";
import { URL } from "node:url";
import * as mediasoup from "mediasoup";
import protoo from "protoo-server";
import { Room } from "./room.js";

const rooms = new Map<string, Room>();

async function main(): Promise<void> {
  const worker = await mediasoup.createWorker({
    logLevel: "warn",
    rtcMinPort: Number(process.env.RTC_MIN_PORT ?? 40000),
    rtcMaxPort: Number(process.env.RTC_MAX_PORT ?? 49999),
  });
  worker.on("died", () => {
    console.error("mediasoup worker died, exiting");
    process.exit(1);
  });

  const httpServer = http.createServer((_req, res) => {
    res.writeHead(404).end();
  });

  const wsServer = new protoo.WebSocketServer(httpServer, {
    maxReceivedFrameSize: 960000,
    maxReceivedMessageSize: 960000,
    fragmentOutgoingMessages: true,
    fragmentationThreshold: 960000,
  });

  wsServer.on("connectionrequest", async (info, accept, reject) => {
    const url = new URL(info.request.url ?? "/", "http://localhost");
    const roomId = url.searchParams.get("roomId");
    const peerId = url.searchParams.get("peerId");
    if (!roomId || !peerId) {
      reject(400, "roomId and peerId are required");
      return;
    }

    let room = rooms.get(roomId);
    if (!room) {
      room = await Room.create(worker, roomId);
      rooms.set(roomId, room);
      room.once("close", () => rooms.delete(roomId));
    }

    const transport = accept();
    room.handleConnection(peerId, transport);
  });

  httpServer.listen(Number(process.env.PORT ?? 4443), () => {
    console.log("SFU signalling listening");
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
