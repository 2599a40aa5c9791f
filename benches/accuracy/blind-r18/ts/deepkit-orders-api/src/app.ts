import { App } from '@deepkit/app';
import { FrameworkModule, onServerMainShutdown } from '@deepkit/framework';
import { Redis } from 'ioredis';
import { AppConfig } from './config';
import { Database } from './database';
import { AuditContext } from './services/audit';
import { OrderController } from './controllers/order.controller';
import { HealthController } from './controllers/health.controller';

const app = new App({
  config: AppConfig,
  controllers: [OrderController, HealthController],
  providers: [
    Database,
    { provide: AuditContext, scope: 'http' },
    {
      provide: Redis,
      useFactory: (config: AppConfig) => new Redis(config.redisUrl, { maxRetriesPerRequest: 2 }),
    },
  ],
  imports: [new FrameworkModule({ port: Number(process.env.PORT ?? 8080) })],
});

app.listen(onServerMainShutdown, async (event, db: Database, redis: Redis) => {
  redis.disconnect();
  await db.close();
});

app.loadConfigFromEnv({ prefix: 'APP_' });
app.run();
