import type { BrokerConfig } from 'rascal';

export const brokerConfig: BrokerConfig = {
  vhosts: {
    '/': {
      connection: { url: process.env.AMQP_URL ?? 'amqp://guest:guest@localhost:5672' },
      exchanges: ['orders'],
      queues: ['fulfilment.order_paid'],
      bindings: ['orders[order.paid] -> fulfilment.order_paid'],
      publications: {
        shipment_created: { exchange: 'orders', routingKey: 'shipment.created' },
      },
      subscriptions: {
        order_paid: { queue: 'fulfilment.order_paid', prefetch: 10 },
      },
    },
  },
};
