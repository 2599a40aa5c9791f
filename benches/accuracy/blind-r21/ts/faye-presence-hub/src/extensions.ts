import type Redis from "ioredis";
import type { Pool } from "pg";
import { searchFor } from "./search";

interface FayeMessage {
  channel: string;
  clientId?: string;
  subscription?: string;
  data?: { tenantId?: string; roomId?: string; author?: string; text?: string };
  ext?: { token?: string };
  error?: string;
}

type Callback = (message: FayeMessage) => void;

interface Deps {
  db: Pool;
  redis: Redis;
}

const ROOM_RE = /^\/rooms\/([a-z0-9_-]+)\/([a-z0-9-]+)$/;

export function makeExtensions({ db, redis }: Deps) {
  const auth = {
    async incoming(message: FayeMessage, callback: Callback) {
      if (message.channel !== "/meta/subscribe") {
        return callback(message);
      }
      const token = message.ext?.token;
      const match = ROOM_RE.exec(message.subscription ?? "");
      if (!token || !match) {
        message.error = "403::forbidden";
        return callback(message);
      }
      const agentTenant = await redis.hget(`session:${token}`, "tenant");
      if (agentTenant !== match[1]) {
        message.error = "403::forbidden";
      }
      callback(message);
    },
    outgoing(message: FayeMessage, callback: Callback) {
      if (message.ext) delete message.ext.token;
      callback(message);
    },
  };

  const persist = {
    async incoming(message: FayeMessage, callback: Callback) {
      const match = ROOM_RE.exec(message.channel);
      if (!match || !message.data?.text) {
        return callback(message);
      }
      const [, tenantId, roomId] = match;
      try {
        const { rows } = await db.query<{ id: string; created_at: Date }>(
          `INSERT INTO chat_messages (tenant_id, room_id, author, body)
           VALUES ($1, $2, $3, $4) RETURNING id, created_at`,
          [tenantId, roomId, message.data.author ?? "unknown", message.data.text],
        );
        await searchFor(tenantId).messages.addDocuments([
          { id: rows[0].id, room: roomId, author: message.data.author, text: message.data.text },
        ]);
        await redis.hset(`room:${tenantId}:${roomId}`, "last_message_at", rows[0].created_at.toISOString());
      } catch (err) {
        console.error("persist failed", err);
        message.error = "500::could not store message";
      }
      callback(message);
    },
  };

  return [auth, persist];
}
