import { assert } from '@japa/assert';
import { configure, processCLIArgs, run } from '@japa/runner';
import { closeTestServices, openTestServices } from '../tests/helpers/services.js';

/*
|--------------------------------------------------------------------------
| Japa entry point
|--------------------------------------------------------------------------
| One Postgres pool and one Redis connection for the whole run. They are
| opened by the global setup hook and closed by the cleanup function it
| returns, after the last test (also when running with --watch, where the
| runner process is restarted per change).
*/
processCLIArgs(process.argv.splice(2));

configure({
  files: ['tests/**/*.spec.ts'],
  plugins: [assert()],
  timeout: 10_000,
  setup: [
    async () => {
      await openTestServices({
        databaseUrl: process.env.TEST_DATABASE_URL ?? 'postgres://postgres:postgres@localhost:5433/inventory_test',
        redisUrl: process.env.TEST_REDIS_URL ?? 'redis://localhost:6380/15',
      });
      return async () => {
        await closeTestServices();
      };
    },
  ],
  forceExit: false,
});

run();
