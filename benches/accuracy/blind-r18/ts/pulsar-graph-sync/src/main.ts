import Pulsar from 'pulsar-client';
import neo4j from 'neo4j-driver';
import { buildListener } from './dispatch.js';

const pulsar = new Pulsar.Client({
  serviceUrl: process.env.PULSAR_URL ?? 'pulsar://localhost:6650',
  operationTimeoutSeconds: 30,
});

const driver = neo4j.driver(
  process.env.NEO4J_URI ?? 'neo4j://localhost:7687',
  neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
  { maxConnectionPoolSize: 20, connectionAcquisitionTimeout: 10_000 },
);

async function main() {
  await driver.verifyConnectivity();

  const consumer = await pulsar.subscribe({
    topics: [
      'persistent://shop/events/orders',
      'persistent://shop/events/reviews',
      'persistent://shop/events/inventory',
    ],
    subscription: 'graph-sync',
    subscriptionType: 'Shared',
    ackTimeoutMs: 60_000,
    receiverQueueSize: 200,
    listener: buildListener({ driver }),
  });

  const shutdown = async () => {
    await consumer.close();
    await pulsar.close();
    await driver.close();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  console.log('graph-sync consuming');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
