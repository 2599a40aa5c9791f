import tmi from "tmi.js";
import { createClient, type RedisClientType } from "redis";
import type pg from "pg";
import { createPool } from "./db.js";

const CHANNELS = (process.env.TWITCH_CHANNELS ?? "").split(",").filter(Boolean);

async function connectRedisWithRetry(): Promise<RedisClientType> {
  const redis: RedisClientType = createClient({ url: process.env.REDIS_URL });
  redis.on("error", (err) => console.error("redis error", err.message));
  for (let attempt = 1; ; attempt++) {
    try {
      await redis.connect();
      break;
    } catch (err) {
      if (attempt >= 10) throw err;
      console.warn(`redis not ready (attempt ${attempt}), retrying in ${attempt}s`);
      await new Promise((r) => setTimeout(r, attempt * 1000));
    }
  }
  return redis;
}

async function handleRedeem(pool: pg.Pool, channel: string, user: string, reward: string) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query(
      "UPDATE viewers SET points = points - r.cost FROM rewards r WHERE viewers.login = $1 AND viewers.channel = $2 AND r.slug = $3 AND viewers.points >= r.cost RETURNING viewers.points",
      [user, channel, reward],
    );
    if (rows.length === 0) {
      await client.query("ROLLBACK");
      return null;
    }
    await client.query("INSERT INTO redemptions (channel, login, reward) VALUES ($1, $2, $3)", [channel, user, reward]);
    await client.query("COMMIT");
    return rows[0].points as number;
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    client.release();
  }
}

async function main() {
  const pool = createPool("loyalty-bot");
  const redis = await connectRedisWithRetry();

  const chat = new tmi.Client({
    options: { debug: false },
    identity: { username: process.env.TWITCH_BOT_USER, password: process.env.TWITCH_OAUTH_TOKEN },
    channels: CHANNELS,
  });

  chat.on("message", async (channel, tags, message, self) => {
    if (self || !tags.username) return;
    const user = tags.username;

    // one point per minute of chatting, de-duplicated in redis
    const fresh = await redis.set(`seen:${channel}:${user}`, "1", { NX: true, EX: 60 });
    if (fresh) {
      await pool.query(
        "INSERT INTO viewers (channel, login, points) VALUES ($1, $2, 1) ON CONFLICT (channel, login) DO UPDATE SET points = viewers.points + 1",
        [channel, user],
      );
    }

    if (message.startsWith("!points")) {
      const { rows } = await pool.query("SELECT points FROM viewers WHERE channel = $1 AND login = $2", [channel, user]);
      await chat.say(channel, `@${user} you have ${rows[0]?.points ?? 0} points`);
    } else if (message.startsWith("!redeem ")) {
      const reward = message.slice("!redeem ".length).trim();
      const left = await handleRedeem(pool, channel, user, reward);
      await chat.say(channel, left === null ? `@${user} can't redeem ${reward}` : `@${user} redeemed ${reward}! ${left} points left`);
    }
  });

  chat.on("subscription", async (channel, username) => {
    await pool.query("UPDATE viewers SET points = points + 500 WHERE channel = $1 AND login = $2", [channel, username]);
  });

  await chat.connect();

  const shutdown = async () => {
    await chat.disconnect();
    await redis.quit();
    await pool.end();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
