import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { createPool, GROUP, STREAM, type ClickEvent } from "./db.js";

const CONSUMER = `${hostname()}-${process.pid}`;
let running = true;

async function ensureGroup(redis: Redis): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await redis.xgroup("CREATE", STREAM, GROUP, "0", "MKSTREAM");
      return;
    } catch (err) {
      if (String(err).includes("BUSYGROUP")) return;
      if (attempt === 10) throw err;
      console.warn(`redis not ready (attempt ${attempt})`);
      await sleep(1000 * attempt);
    }
  }
}

type StreamReply = [stream: string, entries: [id: string, fields: string[]][]][] | null;

async function main(): Promise<void> {
  const pool = createPool("worker", 4);
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", {
    maxRetriesPerRequest: null,
  });
  await ensureGroup(redis);

  process.on("SIGTERM", () => {
    running = false;
  });

  while (running) {
    const reply = (await redis.xreadgroup(
      "GROUP", GROUP, CONSUMER,
      "COUNT", 200,
      "BLOCK", 5000,
      "STREAMS", STREAM, ">",
    )) as StreamReply;
    if (!reply) continue;

    for (const [, entries] of reply) {
      if (entries.length === 0) continue;
      const events = entries.map(([, fields]) => JSON.parse(fields[1]) as ClickEvent);

      const client = await pool.connect();
      try {
        await client.query("begin");
        await client.query(
          `insert into clicks (campaign, url, visitor, clicked_at)
           select campaign, url, visitor, to_timestamp(ts / 1000.0)
             from jsonb_to_recordset($1::jsonb)
               as x(campaign text, url text, visitor text, ts bigint)`,
          [JSON.stringify(events)],
        );
        await client.query("commit");
      } catch (err) {
        await client.query("rollback");
        throw err;
      } finally {
        client.release();
      }

      await redis.xack(STREAM, GROUP, ...entries.map(([id]) => id));
    }
  }

  await redis.quit();
  await pool.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
