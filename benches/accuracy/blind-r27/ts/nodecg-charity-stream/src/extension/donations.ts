import type NodeCG from '@nodecg/types';
import Redis from 'ioredis';
import { makeTiltifyClient } from './clients';
import { campaignTotalCents, pool, reporting, unreadDonations, upsertDonation, type DonationRow } from './db';
import type { BundleConfig } from './index';

const MILESTONE_STEP_CENTS = 100_000;

export function registerDonations(nodecg: NodeCG.ServerAPI<BundleConfig>): void {
  const log = new nodecg.Logger('donations');
  const total = nodecg.Replicant<number>('donationTotal', { defaultValue: 0 });
  const unread = nodecg.Replicant<DonationRow[]>('unreadDonations', { defaultValue: [] });
  const { campaignId, tiltifyToken, redisUrl } = nodecg.bundleConfig;

  async function refresh(): Promise<number> {
    const tiltify = makeTiltifyClient(tiltifyToken);
    let after: string | undefined;
    let added = 0;
    do {
      const page = await tiltify.donations(campaignId, after);
      for (const d of page.data) {
        const inserted = await upsertDonation({
          id: d.id,
          donor_name: d.donor_name,
          amount_cents: Math.round(Number(d.amount.value) * 100),
          currency: d.amount.currency,
          comment: d.donor_comment,
          created_at: new Date(d.completed_at),
        });
        if (inserted) added += 1;
      }
      after = page.metadata.after ?? undefined;
    } while (after);

    total.value = await campaignTotalCents();
    unread.value = await unreadDonations();
    return added;
  }

  nodecg.listenFor('refreshDonations', async (_data: unknown, ack) => {
    try {
      const added = await refresh();
      if (ack && !ack.handled) ack(null, added);
    } catch (err) {
      log.error('refresh failed', err);
      if (ack && !ack.handled) ack(err as Error);
    }
  });

  nodecg.listenFor('markDonationRead', async (id: string, ack) => {
    const client = await pool.connect();
    await client.query('BEGIN');
    await client.query('UPDATE donations SET read = true WHERE id = $1', [id]);
    await client.query('INSERT INTO donation_audit (donation_id, action, at) VALUES ($1, $2, now())', [id, 'read']);
    await client.query('COMMIT');
    client.release();

    unread.value = await unreadDonations();
    if (ack && !ack.handled) ack(null);
  });

  total.on('change', async (newValue, oldValue) => {
    if (oldValue === undefined) return;
    const crossed = Math.floor(newValue / MILESTONE_STEP_CENTS) > Math.floor(oldValue / MILESTONE_STEP_CENTS);
    if (!crossed) return;

    const redis = new Redis(redisUrl);
    await redis.publish(
      'overlay:milestones',
      JSON.stringify({ totalCents: newValue, milestone: Math.floor(newValue / MILESTONE_STEP_CENTS) }),
    );
    await reporting`
      insert into stream_milestones (campaign_id, total_cents, reached_at)
      values (${campaignId}, ${newValue}, now())
    `;
    log.info(`milestone reached: ${newValue / 100}`);
  });

  setInterval(() => {
    refresh().catch((err) => log.warn('scheduled refresh failed', err));
  }, 30_000);
}
