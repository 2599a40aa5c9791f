import { conversation, Simple, Suggestion } from '@assistant/conversation';
import { Deps, makeOrders } from './orders';

const SPOKEN_STATUS: Record<string, string> = {
  placed: 'has been placed and is waiting to be packed',
  packed: 'is packed and waiting for the courier',
  shipped: 'is on its way',
  delivered: 'has been delivered',
  cancelled: 'was cancelled',
};

export function makeConversation(deps: Deps) {
  const orders = makeOrders(deps);
  const app = conversation({ debug: process.env.NODE_ENV !== 'production' });

  const emailOf = (conv: any): string | null => conv.user.params.tokenPayload?.email ?? null;

  app.handle('order_status', async (conv) => {
    const email = emailOf(conv);
    if (!email) {
      conv.scene.next = { name: 'AccountLinking' };
      return;
    }
    const order = await orders.latestForEmail(email);
    if (!order) {
      conv.add('I could not find any orders for your account.');
      return;
    }
    conv.session.params.lastOrder = order.orderNumber;
    let speech = `Your order ${order.orderNumber} ${SPOKEN_STATUS[order.status]}.`;
    if (order.status === 'shipped' && order.eta) {
      speech += ` ${order.carrier ?? 'The courier'} expects to deliver it on ${order.eta}.`;
    }
    conv.add(new Simple({ speech, text: speech }));
    if (order.status === 'placed' || order.status === 'packed') {
      conv.add(new Suggestion({ title: 'Cancel order' }));
    }
  });

  app.handle('cancel_order', async (conv) => {
    const email = emailOf(conv);
    const orderNumber = (conv.session.params.lastOrder as string | undefined) ?? null;
    if (!email || !orderNumber) {
      conv.add('Which order would you like to cancel? Ask me for your order status first.');
      return;
    }
    const cancelled = await orders.cancel(email, orderNumber);
    conv.add(
      cancelled
        ? `Done. Order ${orderNumber} is cancelled and you will get a refund within five days.`
        : `Order ${orderNumber} can no longer be cancelled because it has already shipped.`
    );
  });

  app.catch((conv, error) => {
    console.error('handler failed', error);
    conv.add('Sorry, something went wrong looking that up. Please try again in a moment.');
  });

  return app;
}
