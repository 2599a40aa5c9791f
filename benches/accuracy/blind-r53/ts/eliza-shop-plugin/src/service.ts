import { Service, logger, type IAgentRuntime } from '@elizaos/core';
import pg from 'pg';

export class ShopDbService extends Service {
  static serviceType = 'shop-db';
  capabilityDescription = 'Shared Postgres pool for the storefront database';

  readonly pool: pg.Pool;

  constructor(runtime: IAgentRuntime) {
    super(runtime);
    this.pool = new pg.Pool({
      connectionString: String(runtime.getSetting('SHOP_DATABASE_URL')),
      max: 5,
      idleTimeoutMillis: 30_000,
      application_name: `eliza-${runtime.character.name}`,
    });
    this.pool.on('error', (err) => logger.error({ err }, 'shop-db idle client error'));
  }

  static async start(runtime: IAgentRuntime): Promise<ShopDbService> {
    const service = new ShopDbService(runtime);
    await service.pool.query('SELECT 1');
    logger.info('shop-db pool ready');
    return service;
  }

  static async stop(runtime: IAgentRuntime): Promise<void> {
    const service = runtime.getService<ShopDbService>(ShopDbService.serviceType);
    if (service) await service.stop();
  }

  async stop(): Promise<void> {
    await this.pool.end();
  }
}
