import amqp, { ConsumeMessage } from 'amqplib';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { config } from './config';

interface PaidOrder {
  orderId: string;
  warehouse: string;
  lines: { sku: string; qty: number }[];
}

const kafka = new Kafka({
  clientId: 'fulfillment',
  brokers: config.kafkaBrokers,
  logLevel: logLevel.WARN,
});

async function main(): Promise<void> {
  const connection = await amqp.connect(config.amqpUrl);
  const channel = await connection.createChannel();
  await channel.assertQueue(config.queue, { durable: true });
  await channel.prefetch(config.prefetch);

  await channel.consume(config.queue, async (msg: ConsumeMessage | null) => {
    if (!msg) return;

    let order: PaidOrder;
    try {
      order = JSON.parse(msg.content.toString('utf8')) as PaidOrder;
    } catch {
      channel.nack(msg, false, false);
      return;
    }

    try {
      const db = new Client({ connectionString: config.databaseUrl });
      await db.connect();
      const { rows } = await db.query<{ id: string }>(
        "insert into shipments (order_id, warehouse, status) values ($1, $2, 'requested') returning id",
        [order.orderId, order.warehouse],
      );
      const shipmentId = rows[0].id;
      for (const line of order.lines) {
        await db.query('insert into shipment_lines (shipment_id, sku, qty) values ($1, $2, $3)', [
          shipmentId,
          line.sku,
          line.qty,
        ]);
      }

      const producer = kafka.producer({ idempotent: true });
      await producer.connect();
      await producer.send({
        topic: config.shipmentsTopic,
        messages: [{ key: order.orderId, value: JSON.stringify({ shipmentId, ...order }) }],
      });
      await producer.disconnect();

      channel.ack(msg);
    } catch (err) {
      console.error('fulfillment failed', order.orderId, err);
      channel.nack(msg, false, true);
    }
  });

  const shutdown = async () => {
    await channel.close();
    await connection.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
