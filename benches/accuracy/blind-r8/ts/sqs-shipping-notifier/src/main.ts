import { Consumer } from 'sqs-consumer';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { initPool, closePool } from './pool';
import { recordShipmentEvent, customerForOrder, ShipmentEvent } from './shipments';

const region = process.env.AWS_REGION ?? 'us-east-1';

const SUBJECTS: Record<ShipmentEvent['status'], string> = {
  label_created: 'Your order is being prepared',
  in_transit: 'Your order is on its way',
  delivered: 'Your order was delivered',
  exception: 'There is a problem with your delivery',
};

async function main() {
  await initPool();

  const consumer = Consumer.create({
    queueUrl: process.env.SHIPMENT_QUEUE_URL!,
    sqs: new SQSClient({ region }),
    batchSize: 10,
    waitTimeSeconds: 20,
    visibilityTimeout: 60,
    handleMessage: async (message) => {
      const evt = JSON.parse(message.Body ?? '{}') as ShipmentEvent;
      await recordShipmentEvent(evt);

      const customer = await customerForOrder(evt.orderId);
      if (!customer) return message;

      const ses = new SESv2Client({ region });
      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: process.env.MAIL_FROM,
          Destination: { ToAddresses: [customer.EMAIL] },
          Content: {
            Simple: {
              Subject: { Data: SUBJECTS[evt.status] },
              Body: {
                Text: {
                  Data: `Hi ${customer.FIRST_NAME},\n\n${SUBJECTS[evt.status]}.\nTracking: ${evt.carrier} ${evt.trackingNumber}\n`,
                },
              },
            },
          },
        }),
      );
      return message;
    },
  });

  consumer.on('error', (err) => console.error('consumer error', err.message));
  consumer.on('processing_error', (err, message) => console.error('failed', message.MessageId, err.message));

  const stop = async () => {
    consumer.stop({ abort: false });
    await closePool();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  consumer.start();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
