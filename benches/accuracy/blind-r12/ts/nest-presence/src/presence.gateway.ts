import { Inject, Logger } from "@nestjs/common";
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from "@nestjs/websockets";
import type Redis from "ioredis";
import type { Driver } from "neo4j-driver";
import type { Server, Socket } from "socket.io";
import { NEO4J, REDIS } from "./connections";

@WebSocketGateway({ namespace: "/presence", cors: { origin: true } })
export class PresenceGateway implements OnGatewayConnection, OnGatewayDisconnect {
  private readonly log = new Logger(PresenceGateway.name);

  @WebSocketServer()
  server!: Server;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(NEO4J) private readonly driver: Driver,
  ) {}

  async handleConnection(client: Socket) {
    const userId = String(client.handshake.auth.userId ?? "");
    if (!userId) return client.disconnect(true);
    client.data.userId = userId;
    await client.join(`user:${userId}`);
    await this.redis.zadd("presence:online", Date.now(), userId);
  }

  async handleDisconnect(client: Socket) {
    if (client.data.userId) await this.redis.zrem("presence:online", client.data.userId);
  }

  @SubscribeMessage("follow")
  async follow(@ConnectedSocket() client: Socket, @MessageBody() body: { targetId: string }) {
    const session = this.driver.session({ defaultAccessMode: "WRITE", database: "social" });
    try {
      await session.executeWrite((tx) =>
        tx.run("MATCH (a:User {id: $from}), (b:User {id: $to}) MERGE (a)-[:FOLLOWS]->(b)", {
          from: client.data.userId,
          to: body.targetId,
        }),
      );
    } finally {
      await session.close();
    }
    this.server.to(`user:${body.targetId}`).emit("followed", { by: client.data.userId });
    return { ok: true };
  }

  @SubscribeMessage("friends-online")
  async friendsOnline(@ConnectedSocket() client: Socket) {
    const session = this.driver.session({ defaultAccessMode: "READ", database: "social" });
    try {
      const res = await session.executeRead((tx) =>
        tx.run("MATCH (:User {id: $id})-[:FOLLOWS]->(f:User) RETURN f.id AS id", { id: client.data.userId }),
      );
      const ids: string[] = res.records.map((r) => r.get("id"));
      if (ids.length === 0) return [];
      const scores = await this.redis.zmscore("presence:online", ...ids);
      return ids.filter((_, i) => scores[i] !== null);
    } catch (err) {
      this.log.warn(`friends-online failed: ${(err as Error).message}`);
      return [];
    } finally {
      await session.close();
    }
  }
}
