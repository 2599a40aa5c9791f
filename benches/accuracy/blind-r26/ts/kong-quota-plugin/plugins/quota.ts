import type kong from 'kong-pdk/kong';
import { Pool } from 'undici';
import { createRedis, lookupKey } from './lib/clients';

const BILLING_ORIGIN = process.env.BILLING_ORIGIN ?? 'http://billing.internal:8080';

interface QuotaConfig {
  header_name: string;
  meter_billing: boolean;
}

function monthBucket(now = new Date()): string {
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}

class KongPlugin {
  private readonly config: QuotaConfig;

  constructor(config: QuotaConfig) {
    this.config = config;
  }

  // access phase: runs for every proxied request on routes with this plugin enabled
  async access(kong: kong) {
    const apiKey = await kong.request.getHeader(this.config.header_name || 'x-api-key');
    if (!apiKey) {
      return kong.response.exit(401, JSON.stringify({ message: 'missing api key' }), {
        'Content-Type': 'application/json',
      });
    }

    const plan = await lookupKey(apiKey);
    if (!plan) {
      return kong.response.exit(403, JSON.stringify({ message: 'unknown api key' }), {
        'Content-Type': 'application/json',
      });
    }

    const counters = createRedis();
    let used: number;
    try {
      const key = `quota:${plan.key_id}:${monthBucket()}`;
      used = await counters.incr(key);
      if (used === 1) await counters.expire(key, 60 * 60 * 24 * 32);
    } finally {
      counters.disconnect();
    }

    if (used > plan.monthly_quota) {
      return kong.response.exit(429, JSON.stringify({ message: 'monthly quota exceeded', plan: plan.plan }), {
        'Content-Type': 'application/json',
        'X-Quota-Limit': String(plan.monthly_quota),
      });
    }

    await kong.service.request.setHeader('X-Customer-Id', plan.customer_id);
    await kong.response.setHeader('X-Quota-Remaining', String(plan.monthly_quota - used));

    if (this.config.meter_billing) {
      const billing = new Pool(BILLING_ORIGIN, { connections: 2, keepAliveTimeout: 10_000 });
      try {
        await billing.request({
          method: 'POST',
          path: '/v1/usage-events',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ customer: plan.customer_id, key: plan.key_id, units: 1, at: Date.now() }),
        });
      } catch (err) {
        kong.log.warn('billing meter failed: ' + (err as Error).message);
      } finally {
        await billing.close();
      }
    }
  }
}

export = {
  Plugin: KongPlugin,
  Schema: [
    { header_name: { type: 'string', default: 'x-api-key' } },
    { meter_billing: { type: 'boolean', default: true } },
  ],
  Version: '0.4.2',
  Priority: 900,
};
