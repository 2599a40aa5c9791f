import type * as Party from "partykit/server";
import { Redis } from "@upstash/redis";
import { loadBoard, saveStroke, type Stroke } from "./history";

type ClientMsg = { type: "stroke"; stroke: Stroke } | { type: "cursor"; x: number; y: number };

export default class Whiteboard implements Party.Server {
  options: Party.ServerOptions = { hibernate: true };

  // Upstash REST client: plain HTTPS calls, no connection held.
  private readonly redis: Redis;

  constructor(readonly room: Party.Room) {
    this.redis = new Redis({
      url: room.env.UPSTASH_REDIS_REST_URL as string,
      token: room.env.UPSTASH_REDIS_REST_TOKEN as string,
    });
  }

  async onConnect(conn: Party.Connection, ctx: Party.ConnectionContext) {
    const user = new URL(ctx.request.url).searchParams.get("user") ?? "anon";
    conn.setState({ user });
    await this.redis.sadd(`board:${this.room.id}:present`, user);
    const strokes = await loadBoard(this.room.env.DATABASE_URL as string, this.room.id);
    conn.send(JSON.stringify({ type: "snapshot", strokes }));
  }

  async onMessage(raw: string, sender: Party.Connection<{ user: string }>) {
    const msg = JSON.parse(raw) as ClientMsg;
    if (msg.type === "cursor") {
      this.room.broadcast(JSON.stringify({ ...msg, user: sender.state?.user }), [sender.id]);
      return;
    }
    const stroke = { ...msg.stroke, author: sender.state?.user ?? "anon" };
    this.room.broadcast(JSON.stringify({ type: "stroke", stroke }), [sender.id]);
    await saveStroke(this.room.env.DATABASE_URL as string, this.room.id, stroke);
  }

  async onClose(conn: Party.Connection<{ user: string }>) {
    if (conn.state?.user) await this.redis.srem(`board:${this.room.id}:present`, conn.state.user);
  }

  async onRequest(req: Party.Request) {
    if (req.method !== "GET") return new Response("method not allowed", { status: 405 });
    const present = await this.redis.smembers(`board:${this.room.id}:present`);
    return Response.json({ board: this.room.id, present, connections: [...this.room.getConnections()].length });
  }
}

Whiteboard satisfies Party.Worker;
