export const config = {
  amqpUrl: process.env.AMQP_URL ?? 'amqp://guest:guest@localhost:5672',
  queue: process.env.FULFILLMENT_QUEUE ?? 'orders.paid',
  prefetch: Number(process.env.PREFETCH ?? 20),
  databaseUrl: process.env.DATABASE_URL!,
  kafkaBrokers: (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(','),
  shipmentsTopic: process.env.SHIPMENTS_TOPIC ?? 'shipments.requested',
};
