import { EventEmitter } from "node:events";
import type { types } from "mediasoup";
import protoo from "protoo-server";
import { requestHandlers, type PeerData } from "./handlers.js";

const mediaCodecs: types.RtpCodecCapability[] = [
  { kind: "audio", mimeType: "audio/opus", clockRate: 48000, channels: 2 },
  { kind: "video", mimeType: "video/VP8", clockRate: 90000, parameters: {} },
];

export class Room extends EventEmitter {
  static async create(worker: types.Worker, roomId: string): Promise<Room> {
    const router = await worker.createRouter({ mediaCodecs });
    return new Room(roomId, router);
  }

  readonly protooRoom = new protoo.Room();

  private constructor(readonly id: string, readonly router: types.Router) {
    super();
  }

  handleConnection(peerId: string, transport: protoo.WebSocketTransport): void {
    const existing = this.protooRoom.getPeer(peerId);
    if (existing) existing.close();

    const peer = this.protooRoom.createPeer(peerId, transport);
    const data: PeerData = { joined: false, transports: new Map(), producers: new Map() };
    peer.data = data;

    peer.on("request", (request, accept, reject) => {
      const handler = requestHandlers[request.method];
      if (!handler) {
        reject(404, `unknown method ${request.method}`);
        return;
      }
      handler({ room: this, peer, data: request.data })
        .then((result) => accept(result))
        .catch((err: Error) => reject(500, err.message));
    });

    peer.on("close", () => {
      for (const t of data.transports.values()) t.close();
      if (this.protooRoom.peers.length === 0) {
        this.router.close();
        this.protooRoom.close();
        this.emit("close");
      }
    });
  }
}
