import { PubSub, Message } from '@google-cloud/pubsub';
import { Firestore, FieldValue } from '@google-cloud/firestore';
import axios from 'axios';
import { streamOrderEvent } from './bigquery';
import { archiveInvoice } from './invoices';

interface OrderEvent {
  eventId: string;
  orderId: string;
  type: 'created' | 'paid' | 'shipped' | 'cancelled';
  region: string;
  totalCents?: number;
  invoicePdfBase64?: string;
  occurredAt: string;
}

const pubsub = new PubSub({ projectId: process.env.GCP_PROJECT });
const firestore = new Firestore({ ignoreUndefinedProperties: true });

const subscription = pubsub.subscription(process.env.SUBSCRIPTION ?? 'order-events-indexer', {
  flowControl: { maxMessages: 25, allowExcessMessages: false },
  ackDeadline: 60,
});

async function handle(message: Message): Promise<void> {
  const evt = JSON.parse(message.data.toString('utf8')) as OrderEvent;

  await firestore.runTransaction(async (tx) => {
    const ref = firestore.collection('orders').doc(evt.orderId);
    const seen = firestore.collection('processedEvents').doc(evt.eventId);
    if ((await tx.get(seen)).exists) return;
    tx.set(ref, { status: evt.type, region: evt.region, updatedAt: FieldValue.serverTimestamp() }, { merge: true });
    tx.create(seen, { at: FieldValue.serverTimestamp() });
  });

  await streamOrderEvent({
    event_id: evt.eventId,
    order_id: evt.orderId,
    type: evt.type,
    total_cents: evt.totalCents ?? null,
    occurred_at: evt.occurredAt,
  });

  if (evt.type === 'paid' && evt.invoicePdfBase64) {
    const uri = await archiveInvoice(evt.region, evt.orderId, Buffer.from(evt.invoicePdfBase64, 'base64'));
    await firestore.collection('orders').doc(evt.orderId).update({ invoiceUri: uri });
  }

  if (evt.type === 'cancelled' && process.env.CRM_WEBHOOK_URL) {
    await axios.post(
      process.env.CRM_WEBHOOK_URL,
      { orderId: evt.orderId, reason: 'cancelled' },
      { timeout: 5000, headers: { 'x-api-key': process.env.CRM_API_KEY ?? '' } },
    );
  }
}

subscription.on('message', (message: Message) => {
  handle(message)
    .then(() => message.ack())
    .catch((err) => {
      console.error(`message ${message.id} failed`, err);
      message.nack();
    });
});

subscription.on('error', (err) => {
  console.error('subscription error', err);
  process.exit(1);
});

process.on('SIGTERM', async () => {
  await subscription.close();
  await pubsub.close();
  await firestore.terminate();
  process.exit(0);
});
