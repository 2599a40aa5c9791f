import { createWebhook } from '@wundergraph/sdk/server';
import Redis from 'ioredis';
import { pool, recordAudit } from '../lib/db';

interface CarrierEvent {
  eventId: string;
  trackingNumber: string;
  orderRef: string;
  status: 'label_created' | 'in_transit' | 'out_for_delivery' | 'delivered' | 'exception';
  occurredAt: string;
}

const STATUS_MAP: Record<CarrierEvent['status'], string> = {
  label_created: 'fulfilling',
  in_transit: 'shipped',
  out_for_delivery: 'shipped',
  delivered: 'delivered',
  exception: 'attention',
};

// POST /webhooks/carrier — the carrier retries aggressively, so dedupe on eventId.
export default createWebhook({
  handler: async (event, context) => {
    if (event.headers['x-carrier-token'] !== process.env.CARRIER_WEBHOOK_TOKEN) {
      return { statusCode: 401, body: { error: 'bad token' } };
    }
    const body = event.body as CarrierEvent;

    const dedupe = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/1');
    const first = await dedupe.set(`carrier:evt:${body.eventId}`, '1', 'EX', 86_400, 'NX');
    if (first === null) {
      return { statusCode: 200, body: { duplicate: true } };
    }

    const status = STATUS_MAP[body.status] ?? 'attention';
    await pool.query(
      `UPDATE orders SET status = $2, tracking_number = $3, status_changed_at = $4
        WHERE id = $1`,
      [body.orderRef, status, body.trackingNumber, body.occurredAt],
    );
    await recordAudit([{ actor: 'carrier', action: `shipment.${body.status}`, subject: body.orderRef, payload: body }]);
    context.log.info(`order ${body.orderRef} -> ${status}`);

    return { statusCode: 200, body: { ok: true } };
  },
});
