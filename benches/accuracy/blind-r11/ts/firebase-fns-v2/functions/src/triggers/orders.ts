import { onDocumentCreated, onDocumentUpdated } from 'firebase-functions/v2/firestore';
import * as logger from 'firebase-functions/logger';
import { Storage } from '@google-cloud/storage';
import { PubSub } from '@google-cloud/pubsub';

// Reused across invocations on a warm instance.
const storage = new Storage();
const invoices = storage.bucket(process.env.INVOICE_BUCKET ?? 'acme-invoices');

export const onOrderCreated = onDocumentCreated('orders/{orderId}', async (event) => {
  const order = event.data?.data();
  if (!order) return;

  const pubsub = new PubSub();
  await pubsub.topic('fulfilment-requests').publishMessage({
    json: { orderId: event.params.orderId, lines: order.lines, shipTo: order.shippingAddress },
    attributes: { source: 'firestore' },
  });
  logger.info('fulfilment requested', { orderId: event.params.orderId });
});

export const onOrderUpdated = onDocumentUpdated('orders/{orderId}', async (event) => {
  const before = event.data?.before.data();
  const after = event.data?.after.data();
  if (!before || !after || before.status === after.status || after.status !== 'paid') return;

  const file = invoices.file(`${event.params.orderId}.json`);
  await file.save(JSON.stringify({ orderId: event.params.orderId, total: after.total, paidAt: after.paidAt }), {
    contentType: 'application/json',
  });
});
