import { createClient as createClickHouse } from "@clickhouse/client";
import type { Bot } from "mineflayer";
import pg from "pg";
import { redis } from "./store/redis.js";
import { bumpDeaths, top } from "./leaderboard.js";

type PlayerInfo = { username: string; uuid: string; ping: number };

export class Tracker {
  constructor(private readonly bot: Bot, private readonly server: string) {}

  async onChat(username: string, message: string) {
    if (username === this.bot.username) return;

    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query(
        "insert into chat_log (server, username, message, at) values ($1, $2, $3, now())",
        [this.server, username, message],
      );
    } finally {
      await client.end();
    }

    if (message === "!top") {
      const rows = await top(5);
      this.bot.chat(rows.map(([p, k], i) => `${i + 1}. ${p} (${k})`).join(" | ") || "no kills yet");
    }
  }

  async onPlayerJoined(player: PlayerInfo) {
    await redis.sadd(`online:${this.server}`, player.username);

    const ch = createClickHouse({
      url: process.env.CLICKHOUSE_URL,
      username: process.env.CLICKHOUSE_USER,
      password: process.env.CLICKHOUSE_PASSWORD,
      database: "minecraft",
    });
    await ch.insert({
      table: "sessions",
      values: [{ server: this.server, player: player.username, uuid: player.uuid, event: "join", at: Date.now() }],
      format: "JSONEachRow",
    });
  }

  async onPlayerLeft(player: PlayerInfo) {
    await redis.srem(`online:${this.server}`, player.username);
  }

  async onDeathMessage(victim: string) {
    await bumpDeaths(victim);
  }

  async heartbeat() {
    const pos = this.bot.entity?.position;
    if (!pos) return;
    await redis.set(
      `bot:${this.server}:pos`,
      JSON.stringify({ x: pos.x, y: pos.y, z: pos.z, at: Date.now() }),
      "EX",
      60,
    );
  }
}
