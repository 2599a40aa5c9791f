import { Inject, Injectable, Logger } from "@nestjs/common";
import { Cron, CronExpression, Interval } from "@nestjs/schedule";
import type Redis from "ioredis";
import type { Driver } from "neo4j-driver";
import { NEO4J, REDIS } from "./connections";

@Injectable()
export class PresenceJobs {
  private readonly log = new Logger(PresenceJobs.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(NEO4J) private readonly driver: Driver,
  ) {}

  @Interval(30_000)
  async evictStale() {
    const cutoff = Date.now() - 5 * 60_000;
    const removed = await this.redis.zremrangebyscore("presence:online", 0, cutoff);
    if (removed) this.log.debug(`evicted ${removed} stale presence entries`);
  }

  @Cron(CronExpression.EVERY_HOUR)
  async snapshotLastSeen() {
    const online = await this.redis.zrange("presence:online", 0, -1, "WITHSCORES");
    const rows: { id: string; seen: number }[] = [];
    for (let i = 0; i < online.length; i += 2) rows.push({ id: online[i], seen: Number(online[i + 1]) });
    if (rows.length === 0) return;

    const session = this.driver.session({ database: "social" });
    try {
      await session.executeWrite((tx) =>
        tx.run("UNWIND $rows AS r MATCH (u:User {id: r.id}) SET u.lastSeen = datetime({epochMillis: r.seen})", {
          rows,
        }),
      );
    } finally {
      await session.close();
    }
  }
}
