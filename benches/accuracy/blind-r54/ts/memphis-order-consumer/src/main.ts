import { memphis, Memphis, Message } from 'memphis-dev';
import { handleOrderCancelled, handleOrderCreated } from './handlers.js';
import { pool, OrderEvent } from './db.js';
import { closeAudit } from './audit.js';

type Handler = (event: OrderEvent) => Promise<void>;

const routes: Record<string, Handler> = {
  'orders.created': handleOrderCreated,
  'orders.cancelled': handleOrderCancelled,
};

async function subscribe(conn: Memphis, stationName: string, handler: Handler): Promise<void> {
  const consumer = await conn.consumer({
    stationName,
    consumerName: `fulfilment-${process.env.HOSTNAME ?? 'local'}`,
    consumerGroup: 'fulfilment',
    batchSize: 20,
    maxAckTimeMs: 30_000,
  });

  consumer.on('message', async (message: Message) => {
    const event = message.getDataAsJson() as OrderEvent;
    try {
      await handler(event);
      message.ack();
    } catch (err) {
      console.error(`[${stationName}] failed for order ${event.orderId}`, err);
    }
  });

  consumer.on('error', (error) => {
    console.error(`[${stationName}] consumer error`, error);
  });
}

async function main(): Promise<void> {
  const conn = await memphis.connect({
    host: process.env.MEMPHIS_HOST ?? 'localhost',
    username: process.env.MEMPHIS_USER ?? 'fulfilment',
    password: process.env.MEMPHIS_PASSWORD,
    accountId: Number(process.env.MEMPHIS_ACCOUNT_ID ?? 1),
  });

  for (const [station, handler] of Object.entries(routes)) {
    await subscribe(conn, station, handler);
  }
  console.log('fulfilment consumer ready');

  const shutdown = async () => {
    await conn.close();
    await pool.end();
    await closeAudit();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
