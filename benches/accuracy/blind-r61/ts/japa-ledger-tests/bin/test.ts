import { assert } from '@japa/assert';
import { configure, processCLIArgs, run } from '@japa/runner';
import { createTestPool, setTestPool } from '../tests/helpers/db.js';

processCLIArgs(process.argv.splice(2));

configure({
  files: ['tests/**/*.spec.ts'],
  plugins: [assert()],
  setup: [
    // Runs once before the whole suite; the returned function runs once after it.
    async () => {
      const pool = createTestPool();
      try {
        await pool.query('TRUNCATE journal_lines, journal_entries RESTART IDENTITY CASCADE');
      } catch (err) {
        await pool.end();
        throw err;
      }
      setTestPool(pool);
      return async () => {
        setTestPool(undefined);
        await pool.end();
      };
    },
  ],
});

run();
