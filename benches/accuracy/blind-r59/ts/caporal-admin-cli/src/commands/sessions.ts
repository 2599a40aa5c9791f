import { Program } from "@caporal/core";
import { openRedis } from "../lib/clients";

export function registerSessions(program: Program): void {
  program
    .command("purge-sessions", "Delete sessions idle for longer than N days")
    .option("--older-than <days>", "Idle threshold in days", { default: 30, validator: program.NUMBER })
    .option("--pattern <glob>", "Key pattern to scan", { default: "sess:*" })
    .action(async ({ options, logger }) => {
      const redis = openRedis();
      const cutoff = Date.now() - Number(options.olderThan) * 86_400_000;
      let scanned = 0;
      let deleted = 0;
      try {
        let cursor = "0";
        do {
          const [next, keys] = await redis.scan(cursor, "MATCH", String(options.pattern), "COUNT", 500);
          cursor = next;
          scanned += keys.length;
          if (keys.length === 0) continue;
          const lastSeen = await redis.hmget("sess:last-seen", ...keys);
          const stale = keys.filter((_, i) => Number(lastSeen[i] ?? 0) < cutoff);
          if (stale.length > 0) {
            deleted += await redis.del(...stale);
            await redis.hdel("sess:last-seen", ...stale);
          }
        } while (cursor !== "0");
        logger.info(`scanned ${scanned} keys, deleted ${deleted} stale sessions`);
      } finally {
        await redis.quit();
      }
    });
}
