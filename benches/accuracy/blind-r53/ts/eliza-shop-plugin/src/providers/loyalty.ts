import type { IAgentRuntime, Memory, Provider, ProviderResult, State } from '@elizaos/core';
import { logger } from '@elizaos/core';
import Redis from 'ioredis';

const TIERS: Array<[number, string]> = [
  [10_000, 'gold'],
  [2_500, 'silver'],
  [0, 'bronze'],
];

function tierFor(points: number): string {
  return TIERS.find(([min]) => points >= min)![1];
}

/**
 * Adds the customer's loyalty balance to the agent's context so it can
 * mention perks without being asked.
 */
export const loyaltyProvider: Provider = {
  name: 'LOYALTY_BALANCE',
  description: 'Loyalty points and tier of the customer in the conversation',

  get: async (runtime: IAgentRuntime, message: Memory, _state: State): Promise<ProviderResult> => {
    const redis = new Redis(String(runtime.getSetting('LOYALTY_REDIS_URL')), {
      connectTimeout: 2_000,
      maxRetriesPerRequest: 1,
    });
    try {
      const key = `loyalty:${message.entityId}`;
      const [points, expiring] = await Promise.all([redis.hget(key, 'points'), redis.hget(key, 'expiring_30d')]);
      const balance = Number(points ?? 0);
      const tier = tierFor(balance);
      return {
        text: `Customer loyalty: ${balance} points (${tier} tier), ${expiring ?? 0} expiring within 30 days.`,
        values: { loyaltyPoints: balance, loyaltyTier: tier },
        data: { points: balance, tier, expiring: Number(expiring ?? 0) },
      };
    } catch (err) {
      logger.warn({ err }, 'loyalty lookup failed');
      return { text: '', values: {}, data: {} };
    } finally {
      redis.disconnect();
    }
  },
};
