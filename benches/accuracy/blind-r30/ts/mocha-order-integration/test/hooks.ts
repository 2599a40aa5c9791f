import Redis from "ioredis";
import { Pool, PoolClient } from "pg";
import type { RootHookObject } from "mocha";

// Root hook plugin (loaded via .mocharc "require"). beforeAll/afterAll run once
// for the whole (serial) run; beforeEach/afterEach wrap every test in a
// transaction that is rolled back so tests never see each other's rows.
export const ctx: { pool: Pool; redis: Redis; tx: PoolClient } = {} as any;

export const mochaHooks: RootHookObject = {
  async beforeAll() {
    ctx.pool = new Pool({
      connectionString: process.env.TEST_DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/orders_test",
      max: 4,
    });
    ctx.redis = new Redis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/15", { lazyConnect: true });
    await ctx.redis.connect();
  },

  async beforeEach() {
    ctx.tx = await ctx.pool.connect();
    await ctx.tx.query("BEGIN");
    await ctx.redis.flushdb();
  },

  async afterEach() {
    try {
      await ctx.tx.query("ROLLBACK");
    } finally {
      ctx.tx.release();
    }
  },

  async afterAll() {
    await ctx.redis.quit();
    await ctx.pool.end();
  },
};
