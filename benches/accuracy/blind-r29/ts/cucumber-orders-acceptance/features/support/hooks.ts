import { BeforeAll, AfterAll, Before, After, setDefaultTimeout, Status } from '@cucumber/cucumber';
import { Pool } from 'pg';
import Redis from 'ioredis';
import type { OrdersWorld } from './world';

setDefaultTimeout(20_000);

// Shared across every scenario run by this cucumber worker process.
export const shared: { pool?: Pool; redis?: Redis } = {};

BeforeAll(async function () {
  shared.pool = new Pool({
    connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://orders:orders@localhost:5433/orders_test',
    max: 4,
  });
  shared.redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://localhost:6380/0', { lazyConnect: true });
  await shared.redis.connect();
  await shared.pool.query('SELECT 1');
});

// Each scenario borrows one connection from the shared pool and deletes what it seeded.
Before(async function (this: OrdersWorld) {
  this.db = await shared.pool!.connect();
  this.redis = shared.redis!;
  this.streamMark = (await this.redis.xrevrange('events:orders', '+', '-', 'COUNT', 1))[0]?.[0] ?? '0-0';
});

After(async function (this: OrdersWorld, { result, pickle }) {
  try {
    if (result?.status === Status.FAILED && this.lastBody) {
      this.attach(JSON.stringify(this.lastBody, null, 2), 'application/json');
    }
    for (const sku of this.seededSkus) {
      await this.db?.query('DELETE FROM order_lines WHERE sku = $1', [sku]);
      await this.db?.query('DELETE FROM stock WHERE sku = $1', [sku]);
    }
  } catch (err) {
    console.warn(`cleanup failed for "${pickle.name}"`, err);
  } finally {
    this.db?.release();
    this.db = undefined;
  }
});

AfterAll(async function () {
  await shared.pool?.end();
  await shared.redis?.quit();
});
