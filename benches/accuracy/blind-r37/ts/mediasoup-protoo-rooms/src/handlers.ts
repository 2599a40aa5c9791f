import type { types } from "mediasoup";
import type protoo from "protoo-server";
import mysql from "mysql2/promise";
import Redis from "ioredis";
import type { Room } from "./room.js";

export interface PeerData {
  joined: boolean;
  displayName?: string;
  transports: Map<string, types.WebRtcTransport>;
  producers: Map<string, types.Producer>;
}

interface Ctx {
  room: Room;
  peer: protoo.Peer;
  data: any;
}

type Handler = (ctx: Ctx) => Promise<unknown>;

const listenIp = { ip: "0.0.0.0", announcedIp: process.env.ANNOUNCED_IP };

export const requestHandlers: Record<string, Handler> = {
  async getRouterRtpCapabilities({ room }) {
    return room.router.rtpCapabilities;
  },

  async join({ room, peer, data }) {
    const conn = await mysql.createConnection({
      uri: process.env.CLASSROOM_DB_URL,
      connectTimeout: 5000,
    });
    let displayName: string;
    try {
      const [rows] = await conn.execute<mysql.RowDataPacket[]>(
        "SELECT display_name FROM enrolments WHERE class_id = ? AND student_token = ?",
        [room.id, data.ticket]
      );
      if (rows.length === 0) {
        throw new Error("not enrolled in this class");
      }
      displayName = rows[0].display_name;
      await conn.execute("INSERT INTO attendance (class_id, display_name, joined_at) VALUES (?, ?, NOW())", [
        room.id,
        displayName,
      ]);
    } finally {
      await conn.end();
    }

    const state = peer.data as PeerData;
    state.joined = true;
    state.displayName = displayName;
    return { displayName };
  },

  async createWebRtcTransport({ room, peer }) {
    const transport = await room.router.createWebRtcTransport({
      listenIps: [listenIp],
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
    });
    (peer.data as PeerData).transports.set(transport.id, transport);
    return {
      id: transport.id,
      iceParameters: transport.iceParameters,
      iceCandidates: transport.iceCandidates,
      dtlsParameters: transport.dtlsParameters,
    };
  },

  async connectWebRtcTransport({ peer, data }) {
    const transport = (peer.data as PeerData).transports.get(data.transportId);
    if (!transport) throw new Error("transport not found");
    await transport.connect({ dtlsParameters: data.dtlsParameters });
    return {};
  },

  async produce({ room, peer, data }) {
    const state = peer.data as PeerData;
    if (!state.joined) throw new Error("join first");
    const transport = state.transports.get(data.transportId);
    if (!transport) throw new Error("transport not found");

    const producer = await transport.produce({
      kind: data.kind,
      rtpParameters: data.rtpParameters,
      appData: { peerId: peer.id },
    });
    state.producers.set(producer.id, producer);

    const events = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
    await events.publish(
      `classroom:${room.id}`,
      JSON.stringify({ type: "producer", peerId: peer.id, kind: producer.kind, at: Date.now() })
    );

    for (const other of room.protooRoom.peers) {
      if (other.id !== peer.id) {
        other.notify("newProducer", { peerId: peer.id, producerId: producer.id, kind: producer.kind }).catch(() => {});
      }
    }
    return { id: producer.id };
  },

  async closeProducer({ peer, data }) {
    const state = peer.data as PeerData;
    state.producers.get(data.producerId)?.close();
    state.producers.delete(data.producerId);
    return {};
  },
};
