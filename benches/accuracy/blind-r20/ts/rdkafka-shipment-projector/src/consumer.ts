import Kafka from 'node-rdkafka';
import { handleShipmentEvent } from './handlers/shipments';
import { pool } from './db';

const consumer = new Kafka.KafkaConsumer(
  {
    'group.id': 'shipment-projector',
    'metadata.broker.list': process.env.KAFKA_BROKERS ?? 'localhost:9092',
    'enable.auto.commit': false,
    'socket.keepalive.enable': true,
  },
  { 'auto.offset.reset': 'earliest' },
);

consumer.on('ready', () => {
  console.log('consumer ready');
  consumer.subscribe(['shipments.v1']);
  consumer.consume();
});

consumer.on('data', async (message) => {
  try {
    await handleShipmentEvent(message);
    consumer.commitMessage(message);
  } catch (err) {
    console.error(`failed at ${message.topic}[${message.partition}]@${message.offset}`, err);
  }
});

consumer.on('event.error', (err) => console.error('kafka error', err));

consumer.connect();

async function shutdown() {
  consumer.disconnect(async () => {
    await pool.end();
    process.exit(0);
  });
}

process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
