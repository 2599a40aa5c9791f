import type { Plugin } from '@elizaos/core';
import { logger } from '@elizaos/core';
import { ShopDbService } from './service';
import { orderStatusAction } from './actions/orderStatus';
import { refundAction } from './actions/refund';
import { loyaltyProvider } from './providers/loyalty';

export const shopPlugin: Plugin = {
  name: 'plugin-shop',
  description: 'Lets the support agent look up orders, open refunds and see loyalty balances',
  config: {
    SHOP_DATABASE_URL: process.env.SHOP_DATABASE_URL,
    LOYALTY_REDIS_URL: process.env.LOYALTY_REDIS_URL,
  },
  async init(config: Record<string, string>) {
    const missing = ['SHOP_DATABASE_URL', 'LOYALTY_REDIS_URL'].filter((k) => !config[k]);
    if (missing.length) {
      throw new Error(`plugin-shop: missing settings ${missing.join(', ')}`);
    }
    for (const [key, value] of Object.entries(config)) {
      if (value) process.env[key] = value;
    }
    logger.info('plugin-shop initialised');
  },
  services: [ShopDbService],
  actions: [orderStatusAction, refundAction],
  providers: [loyaltyProvider],
};

export default shopPlugin;
