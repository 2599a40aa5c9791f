import { defineConfig } from 'cypress';
import { Pool } from 'pg';
import { Redis } from 'ioredis';
import { dbTasks } from './cypress/tasks/db';

export default defineConfig({
  e2e: {
    baseUrl: 'http://localhost:3000',
    specPattern: 'cypress/e2e/**/*.cy.ts',
    env: {
      DATABASE_URL: 'postgres://shop:shop@localhost:5433/shop_test',
      REDIS_URL: 'redis://localhost:6380/1',
    },
    // Runs once when Cypress loads the config; the clients live for the whole run.
    setupNodeEvents(on, config) {
      const pool = new Pool({ connectionString: config.env.DATABASE_URL, max: 3 });
      const redis = new Redis(config.env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });

      on('task', dbTasks({ pool, redis }));

      on('after:run', async () => {
        await pool.end();
        await redis.quit();
      });

      return config;
    },
  },
});
