import pg from 'pg';

let pool: pg.Pool | undefined;

/** Builds the pool for the test database. Only called from the runner setup hook. */
export function createTestPool(): pg.Pool {
  return new pg.Pool({
    connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://ledger:ledger@127.0.0.1:5433/ledger_test',
    max: 4,
  });
}

export function setTestPool(p: pg.Pool | undefined): void {
  pool = p;
}

/** The pool opened by bin/test.ts for this test run. */
export function testPool(): pg.Pool {
  if (!pool) throw new Error('test pool not initialised; run the suite through bin/test.ts');
  return pool;
}
