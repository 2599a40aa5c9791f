import { test } from '@japa/runner';
import type pg from 'pg';
import { InsufficientStockError, InventoryRepository } from '../../src/inventory_repository.js';
import { testRedis, transactionalClient } from '../helpers/services.js';

test.group('InventoryRepository', (group) => {
  let client: pg.PoolClient;
  let repo: InventoryRepository;

  // Every test runs inside its own transaction on a connection borrowed
  // from the shared pool; the cleanup rolls back and releases it.
  group.each.setup(async () => {
    await testRedis().flushdb();
    const tx = await transactionalClient();
    client = tx.client;
    repo = new InventoryRepository(client, testRedis());
    return tx.cleanup;
  });

  test('receive adds to on-hand stock', async ({ assert }) => {
    await repo.receive('SKU-1', 'AMS', 10);
    await repo.receive('SKU-1', 'AMS', 5);
    assert.equal(await repo.available('SKU-1'), 15);
  });

  test('reserve decreases availability', async ({ assert }) => {
    await repo.receive('SKU-2', 'AMS', 8);
    const level = await repo.reserve('SKU-2', 'AMS', 3);
    assert.equal(level.reserved, 3);
    assert.equal(await repo.available('SKU-2'), 5);
  });

  test('reserve refuses more than available', async ({ assert }) => {
    await repo.receive('SKU-3', 'RTM', 2);
    await assert.rejects(() => repo.reserve('SKU-3', 'RTM', 3), InsufficientStockError as any);
  });

  test('available is served from the cache after the first read', async ({ assert }) => {
    await repo.receive('SKU-4', 'AMS', 4);
    assert.equal(await repo.available('SKU-4'), 4);
    await client.query(`update stock set on_hand = 100 where sku = 'SKU-4'`);
    assert.equal(await repo.available('SKU-4'), 4);
  });
});
