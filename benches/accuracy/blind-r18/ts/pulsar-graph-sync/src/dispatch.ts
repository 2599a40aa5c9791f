import type { Consumer, Message } from 'pulsar-client';
import type { Driver } from 'neo4j-driver';
import { onOrderPlaced } from './handlers/orders.js';
import { onReviewPosted } from './handlers/reviews.js';
import { onStockChanged } from './handlers/inventory.js';

export interface Deps {
  driver: Driver;
}

type Handler = (event: any, deps: Deps) => Promise<void>;

const routes: Record<string, Handler> = {
  orders: onOrderPlaced,
  reviews: onReviewPosted,
  inventory: onStockChanged,
};

function topicKey(msg: Message): string {
  // persistent://shop/events/orders-partition-3 -> orders
  const last = msg.getTopicName().split('/').pop() ?? '';
  return last.replace(/-partition-\d+$/, '');
}

export function buildListener(deps: Deps) {
  return async (msg: Message, consumer: Consumer): Promise<void> => {
    const key = topicKey(msg);
    const handler = routes[key];
    try {
      if (handler) {
        await handler(JSON.parse(msg.getData().toString('utf8')), deps);
      }
      await consumer.acknowledge(msg);
    } catch (err) {
      console.error(`graph-sync: ${key} ${msg.getMessageId().toString()} failed`, err);
      consumer.negativeAcknowledge(msg);
    }
  };
}
