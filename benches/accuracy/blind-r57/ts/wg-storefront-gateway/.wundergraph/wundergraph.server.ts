import { configureWunderGraphServer } from '@wundergraph/sdk/server';
import { recordAudit, awardLoyaltyPoints, allowOrder } from './lib/db';

export default configureWunderGraphServer(() => ({
  hooks: {
    authentication: {
      postAuthentication: async ({ user, log }) => {
        if (!user.userId) return;
        await recordAudit([
          { actor: user.userId, action: 'login', subject: 'gateway', payload: { provider: user.providerId } },
        ]);
        log.debug(`login recorded for ${user.userId}`);
      },
    },
    queries: {},
    mutations: {
      PlaceOrder: {
        preResolve: async ({ user, input, log }) => {
          const customerId = user?.userId ?? input.customerId;
          if (!(await allowOrder(customerId))) {
            log.warn(`order rate limit hit for ${customerId}`);
            throw new Error('too many orders, try again in a minute');
          }
        },
        mutatingPreResolve: async ({ user, input }) => {
          // customers may only order for themselves
          return { ...input, customerId: user?.userId ?? input.customerId };
        },
        postResolve: async ({ user, input, response, log }) => {
          const order = response.data?.order;
          if (!order) return;
          const customerId = user?.userId ?? input.customerId;
          const balance = await awardLoyaltyPoints(customerId, String(order.id), order.total_cents ?? 0);
          await recordAudit([
            { actor: customerId, action: 'order.placed', subject: String(order.id), payload: order },
            { actor: 'system', action: 'loyalty.awarded', subject: customerId, payload: { balance } },
          ]);
          log.info(`order ${order.id} placed; loyalty balance ${balance}`);
        },
      },
    },
  },
}));
