import { GenezioDeploy, GenezioHttpRequest, GenezioHttpResponse, GenezioMethod } from '@genezio/types';
import Stripe from 'stripe';
import { getPool, withTransaction } from './db.js';
import { cachedJson, invalidate } from './cache.js';

export interface Slot {
  id: string;
  practitionerId: string;
  startsAt: string;
  status: 'free' | 'held' | 'booked';
}

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '', { apiVersion: '2024-06-20' });
const HOLD_MINUTES = 10;

@GenezioDeploy()
export class BookingService {
  // getPool() returns the instance-wide pool; no connection is opened per call.
  private readonly pool = getPool();

  async listSlots(practitionerId: string, day: string): Promise<Slot[]> {
    return cachedJson(`slots:${practitionerId}:${day}`, 30, async () => {
      const { rows } = await this.pool.query<Slot>(
        `SELECT id, practitioner_id AS "practitionerId", starts_at AS "startsAt", status
           FROM slots WHERE practitioner_id = $1 AND starts_at::date = $2::date
          ORDER BY starts_at`,
        [practitionerId, day],
      );
      return rows;
    });
  }

  async holdSlot(slotId: string, patientEmail: string): Promise<{ checkoutUrl: string }> {
    const slot = await withTransaction(async (client) => {
      const { rows } = await client.query<Slot & { price_cents: number }>(
        `UPDATE slots SET status = 'held', held_until = now() + ($2 || ' minutes')::interval, held_by = $3
          WHERE id = $1 AND status = 'free'
          RETURNING id, practitioner_id AS "practitionerId", starts_at AS "startsAt", status, price_cents`,
        [slotId, HOLD_MINUTES, patientEmail],
      );
      if (!rows.length) throw new Error('slot is no longer available');
      return rows[0];
    });
    await invalidate(`slots:${slot.practitionerId}:`);

    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      customer_email: patientEmail,
      line_items: [{ price_data: { currency: 'eur', unit_amount: slot.price_cents, product_data: { name: 'Consultation' } }, quantity: 1 }],
      metadata: { slotId },
      success_url: `${process.env.APP_URL}/booked?slot=${slotId}`,
      cancel_url: `${process.env.APP_URL}/slots`,
    });
    return { checkoutUrl: session.url ?? '' };
  }

  @GenezioMethod({ type: 'http' })
  async paymentWebhook(request: GenezioHttpRequest): Promise<GenezioHttpResponse> {
    const signature = request.headers['stripe-signature'];
    let event: Stripe.Event;
    try {
      event = stripe.webhooks.constructEvent(request.rawBody, signature, process.env.STRIPE_WEBHOOK_SECRET ?? '');
    } catch {
      return { statusCode: '400', body: 'invalid signature' };
    }
    if (event.type === 'checkout.session.completed') {
      const slotId = event.data.object.metadata?.slotId;
      await this.pool.query(`UPDATE slots SET status = 'booked' WHERE id = $1 AND status = 'held'`, [slotId]);
    }
    return { statusCode: '200', body: { received: true } };
  }

  @GenezioMethod({ type: 'cron', cronString: '*/5 * * * *' })
  async releaseExpiredHolds(): Promise<void> {
    const { rowCount } = await this.pool.query(
      `UPDATE slots SET status = 'free', held_by = NULL, held_until = NULL
        WHERE status = 'held' AND held_until < now()`,
    );
    if (rowCount) await invalidate('slots:');
  }
}
