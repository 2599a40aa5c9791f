import pg from "pg";
import { Pool as HttpPool } from "undici";

export function createPool(): pg.Pool {
  return new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: 6,
    idleTimeoutMillis: 30_000,
  });
}

// One keep-alive pool per receiving origin. Partners are a small, fixed set
// (the webhook_endpoints table has ~40 rows), so the map stays small.
export class OriginPools {
  private readonly pools = new Map<string, HttpPool>();

  get(url: string): HttpPool {
    const origin = new URL(url).origin;
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = new HttpPool(origin, { connections: 4, keepAliveTimeout: 30_000 });
      this.pools.set(origin, pool);
    }
    return pool;
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled([...this.pools.values()].map((p) => p.close()));
    this.pools.clear();
  }
}
