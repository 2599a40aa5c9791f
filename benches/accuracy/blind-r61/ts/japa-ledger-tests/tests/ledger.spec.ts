import { test } from '@japa/runner';
import type { PoolClient } from 'pg';
import { balance, InsufficientFunds, postTransfer } from '../src/ledger.js';
import { testPool } from './helpers/db.js';

test.group('ledger transfers', (group) => {
  let db: PoolClient;

  // Every test runs inside its own transaction that is rolled back afterwards.
  group.each.setup(async () => {
    db = await testPool().connect();
    try {
      await db.query('BEGIN');
      await db.query(
        `INSERT INTO accounts (id, balance_cents) VALUES ('alice', 10000), ('bob', 500)
         ON CONFLICT (id) DO UPDATE SET balance_cents = EXCLUDED.balance_cents`,
      );
    } catch (err) {
      db.release();
      throw err;
    }
    return async () => {
      try {
        await db.query('ROLLBACK');
      } finally {
        db.release();
      }
    };
  });

  test('moves money between accounts', async ({ assert }) => {
    await postTransfer(db, { from: 'alice', to: 'bob', amountCents: 2500, memo: 'rent share' });
    assert.equal(await balance(db, 'alice'), 7500);
    assert.equal(await balance(db, 'bob'), 3000);
  });

  test('rejects overdrafts', async ({ assert }) => {
    await assert.rejects(
      () => postTransfer(db, { from: 'bob', to: 'alice', amountCents: 900 }),
      InsufficientFunds,
    );
    assert.equal(await balance(db, 'bob'), 500);
  });

  test('journal lines always sum to zero')
    .with([100, 2500, 9999])
    .run(async ({ assert }, amount) => {
      const entryId = await postTransfer(db, { from: 'alice', to: 'bob', amountCents: amount });
      const { rows } = await db.query<{ total: string }>(
        'SELECT sum(amount_cents) AS total FROM journal_lines WHERE entry_id = $1',
        [entryId],
      );
      assert.equal(Number(rows[0].total), 0);
    });
});
