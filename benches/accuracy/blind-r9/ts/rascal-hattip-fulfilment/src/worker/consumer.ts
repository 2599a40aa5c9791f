import { BrokerAsPromised } from 'rascal';
import { brokerConfig } from '../shared/rascal.config.js';
import { createSql } from '../shared/db.js';

interface OrderPaid {
  orderId: string;
  warehouse: string;
}

async function main() {
  const sql = createSql('fulfilment-worker', 5);
  const broker = await BrokerAsPromised.create(brokerConfig);
  broker.on('error', err => console.error('broker error', err));

  const subscription = await broker.subscribe('order_paid');
  subscription
    .on('message', async (_message, content: OrderPaid, ackOrNack) => {
      try {
        const [shipment] = await sql.begin(async tx => {
          const rows = await tx`
            INSERT INTO shipments (order_id, warehouse, status)
            VALUES (${content.orderId}, ${content.warehouse}, 'pending')
            ON CONFLICT (order_id) DO NOTHING
            RETURNING id`;
          await tx`UPDATE orders SET fulfilment_status = 'queued' WHERE id = ${content.orderId}`;
          return rows;
        });
        if (shipment) {
          await broker.publish('shipment_created', { shipmentId: shipment.id, orderId: content.orderId });
        }
        ackOrNack();
      } catch (err) {
        ackOrNack(err as Error, { strategy: 'republish', defer: 5000, attempts: 5 });
      }
    })
    .on('error', err => console.error('subscription error', err));

  process.on('SIGTERM', async () => {
    await broker.shutdown();
    await sql.end({ timeout: 5 });
  });
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
