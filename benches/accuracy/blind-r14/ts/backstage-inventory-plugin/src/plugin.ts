import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import Redis from 'ioredis';
import { createRouter } from './service/router';
import { HostInventoryStore } from './service/HostInventoryStore';

export const inventoryPlugin = createBackendPlugin({
  pluginId: 'inventory',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      // Runs once when the backend starts.
      async init({ config, database, httpRouter, lifecycle, logger, scheduler }) {
        const knex = await database.getClient();
        if (!database.migrations?.skip) {
          await knex.migrate.latest({ directory: `${__dirname}/../migrations` });
        }

        const redis = new Redis(config.getString('inventory.redisUrl'), {
          keyPrefix: 'backstage:inventory:',
          lazyConnect: false,
        });
        lifecycle.addShutdownHook(async () => {
          await redis.quit();
        });

        const store = new HostInventoryStore(knex, redis);

        await scheduler.scheduleTask({
          id: 'inventory-refresh-host-facts',
          frequency: { minutes: 15 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 30 },
          fn: async () => {
            const refreshed = await store.refreshStaleHosts(config.getString('inventory.factsEndpoint'));
            logger.info(`refreshed facts for ${refreshed} hosts`);
          },
        });

        httpRouter.use(await createRouter({ logger, store }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
