import { describe, it, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import type pg from 'pg';
import { createPool, transfer, balanceOf, InsufficientFunds } from '../src/ledger.js';

const TEST_DB = process.env.LEDGER_TEST_DATABASE_URL ?? 'postgres://ledger@localhost:5433/ledger_test';

describe('ledger', () => {
  let pool: pg.Pool;
  let admin: pg.PoolClient;

  before(async () => {
    pool = createPool(TEST_DB, 4);
    await pool.query(`
      CREATE TABLE IF NOT EXISTS transfers (id bigserial PRIMARY KEY, memo text NOT NULL);
      CREATE TABLE IF NOT EXISTS entries (
        transfer_id bigint REFERENCES transfers(id),
        account text NOT NULL,
        amount numeric NOT NULL
      );
    `);
  });

  after(async () => {
    await pool.end();
  });

  beforeEach(async () => {
    admin = await pool.connect();
    await admin.query('TRUNCATE entries, transfers RESTART IDENTITY');
    await admin.query(
      "INSERT INTO transfers (memo) VALUES ('opening'); INSERT INTO entries VALUES (1, 'alice', 1000), (1, 'mint', -1000)",
    );
  });

  afterEach(() => {
    admin.release();
  });

  it('moves money between accounts', async () => {
    await transfer(pool, 'alice', 'bob', 250n, 'rent share');
    assert.equal(await balanceOf(pool, 'alice'), 750n);
    assert.equal(await balanceOf(pool, 'bob'), 250n);
  });

  it('refuses to overdraw', async () => {
    await assert.rejects(transfer(pool, 'alice', 'bob', 5000n, 'too much'), InsufficientFunds);
    assert.equal(await balanceOf(admin, 'alice'), 1000n);
  });

  it('rejects non-positive amounts', async () => {
    await assert.rejects(transfer(pool, 'alice', 'bob', 0n, 'nothing'), RangeError);
  });

  it('keeps the books balanced under concurrent transfers', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => transfer(pool, 'alice', `user${i % 4}`, 10n, `batch ${i}`)),
    );
    const { rows } = await admin.query<{ total: string }>('SELECT sum(amount)::text AS total FROM entries');
    assert.equal(rows[0].total, '0');
    assert.equal(await balanceOf(admin, 'alice'), 800n);
  });

  it('does not leak pooled connections', async () => {
    for (let i = 0; i < 10; i++) {
      await transfer(pool, 'alice', 'carol', 1n, `tick ${i}`).catch(() => undefined);
    }
    // admin holds one slot; everything else must be back in the pool
    assert.equal(pool.totalCount - pool.idleCount, 1);
  });
});
