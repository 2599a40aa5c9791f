import { GlideClient } from "@valkey/valkey-glide";
import type { AGServer, AGServerSocket } from "socketcluster-server";
import { serveMoveCard, serveRenameCard } from "./procedures/cards.js";

const PRESENCE_TTL_SECONDS = 45;

export async function handleConnection(agServer: AGServer, socket: AGServerSocket): Promise<void> {
  const publish = (channel: string, data: unknown) => {
    void agServer.exchange.transmitPublish(channel, data);
  };

  const presence = await GlideClient.createClient({
    addresses: [{ host: process.env.VALKEY_HOST ?? "127.0.0.1", port: Number(process.env.VALKEY_PORT ?? 6379) }],
    requestTimeout: 500,
  });

  void serveMoveCard(socket, publish);
  void serveRenameCard(socket, publish);

  (async () => {
    for await (const data of socket.receiver("presence.heartbeat")) {
      const { boardId } = data as { boardId: string };
      const key = `presence:${boardId}`;
      await presence.hset(key, { [socket.id]: String(Date.now()) });
      await presence.expire(key, PRESENCE_TTL_SECONDS);
      publish(`board/${boardId}`, { type: "presence", socketId: socket.id });
    }
  })();
}
