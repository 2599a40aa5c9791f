import { Room, Client } from "colyseus";
import { Schema, MapSchema, type } from "@colyseus/schema";
import Redis from "ioredis";
import { createClient } from "@clickhouse/client";
import { pool } from "../db";

export class Player extends Schema {
  @type("string") name = "";
  @type("number") x = 0;
  @type("number") y = 0;
  @type("number") coins = 0;
}

export class ArenaState extends Schema {
  @type({ map: Player }) players = new MapSchema<Player>();
}

interface JoinOptions {
  token: string;
  mode: string;
}

export class ArenaRoom extends Room<ArenaState> {
  maxClients = 16;
  private joinedAt = new Map<string, number>();

  onCreate(options: JoinOptions) {
    this.setState(new ArenaState());
    this.setMetadata({ mode: options.mode });

    this.onMessage("move", (client, msg: { x: number; y: number }) => {
      const p = this.state.players.get(client.sessionId);
      if (p) {
        p.x = msg.x;
        p.y = msg.y;
      }
    });

    this.onMessage("chat", async (client, text: string) => {
      const redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");
      await redis.publish(
        `arena:${this.roomId}:chat`,
        JSON.stringify({ from: client.sessionId, text: text.slice(0, 280), at: Date.now() }),
      );
      await redis.quit();
      this.broadcast("chat", { from: this.state.players.get(client.sessionId)?.name, text });
    });

    this.onMessage("buy", async (client, item: { sku: string; price: number }) => {
      const player = this.state.players.get(client.sessionId);
      if (!player || player.coins < item.price) {
        client.send("error", { code: "INSUFFICIENT_COINS" });
        return;
      }
      const db = await pool.connect();
      await db.query("BEGIN");
      await db.query("UPDATE wallets SET coins = coins - $1 WHERE player_id = $2", [item.price, client.auth.playerId]);
      await db.query("INSERT INTO inventory (player_id, sku) VALUES ($1, $2)", [client.auth.playerId, item.sku]);
      await db.query("COMMIT");
      db.release();
      player.coins -= item.price;
    });

    this.setSimulationInterval(() => this.tick(), 50);
  }

  async onAuth(_client: Client, options: JoinOptions) {
    const { rows } = await pool.query(
      "SELECT p.id AS \"playerId\", p.display_name AS name, w.coins FROM sessions s JOIN players p ON p.id = s.player_id JOIN wallets w ON w.player_id = p.id WHERE s.token = $1",
      [options.token],
    );
    if (!rows[0]) throw new Error("invalid token");
    return rows[0];
  }

  onJoin(client: Client, _options: JoinOptions, auth: { playerId: string; name: string; coins: number }) {
    const player = new Player();
    player.name = auth.name;
    player.coins = auth.coins;
    this.state.players.set(client.sessionId, player);
    this.joinedAt.set(client.sessionId, Date.now());
  }

  async onLeave(client: Client, consented: boolean) {
    const started = this.joinedAt.get(client.sessionId) ?? Date.now();
    this.state.players.delete(client.sessionId);
    this.joinedAt.delete(client.sessionId);

    const clickhouse = createClient({
      url: process.env.CLICKHOUSE_URL,
      database: "game_analytics",
    });
    await clickhouse.insert({
      table: "session_lengths",
      values: [{ room_id: this.roomId, player_id: client.auth?.playerId, seconds: (Date.now() - started) / 1000, consented }],
      format: "JSONEachRow",
    });
    await clickhouse.close();
  }

  private tick() {
    // movement validation / collisions would go here
  }
}
