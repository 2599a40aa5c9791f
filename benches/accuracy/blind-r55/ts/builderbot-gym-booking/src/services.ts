import pg from "pg";
import { Redis } from "ioredis";

export interface GymClass {
  id: number;
  title: string;
  starts_at: Date;
  spots_left: number;
}

/**
 * Everything the flows need to talk to the outside world. Built exactly once
 * by createServices() in app.ts and handed to the flow factories.
 */
export class Services {
  constructor(
    readonly pool: pg.Pool,
    readonly redis: Redis
  ) {}

  async upcomingClasses(limit = 5): Promise<GymClass[]> {
    const cacheKey = `classes:upcoming:${limit}`;
    const cached = await this.redis.get(cacheKey);
    if (cached) return JSON.parse(cached);
    const { rows } = await this.pool.query<GymClass>(
      `SELECT c.id, c.title, c.starts_at, c.capacity - count(b.id)::int AS spots_left
         FROM classes c LEFT JOIN bookings b ON b.class_id = c.id AND b.cancelled_at IS NULL
        WHERE c.starts_at > now() GROUP BY c.id ORDER BY c.starts_at LIMIT $1`,
      [limit]
    );
    await this.redis.set(cacheKey, JSON.stringify(rows), "EX", 30);
    return rows;
  }

  async invalidateClasses(): Promise<void> {
    const keys = await this.redis.keys("classes:upcoming:*");
    if (keys.length) await this.redis.del(...keys);
  }

  async close(): Promise<void> {
    await this.redis.quit();
    await this.pool.end();
  }
}

export function createServices(): Services {
  const pool = new pg.Pool({
    connectionString: process.env.GYM_DATABASE_URL ?? "postgres://gym@localhost:5432/gym",
    max: 8,
  });
  const redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379/4");
  return new Services(pool, redis);
}
