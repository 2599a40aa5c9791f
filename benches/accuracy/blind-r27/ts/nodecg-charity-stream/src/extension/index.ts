import type NodeCG from '@nodecg/types';
import { registerDonations } from './donations';
import { pool, reporting } from './db';

export interface BundleConfig {
  campaignId: string;
  tiltifyToken: string;
  redisUrl: string;
  incentives: Array<{ id: string; title: string; goalCents: number }>;
}

module.exports = function (nodecg: NodeCG.ServerAPI<BundleConfig>) {
  if (!nodecg.bundleConfig?.tiltifyToken) {
    nodecg.log.error('tiltifyToken missing from cfg/charity-stream-graphics.json, extension disabled');
    return;
  }

  const incentives = nodecg.Replicant<Record<string, number>>('incentiveProgress', { defaultValue: {} });

  registerDonations(nodecg);

  nodecg.listenFor('incentiveContribution', async (data: { id: string; cents: number }, ack) => {
    const goal = nodecg.bundleConfig.incentives.find((i) => i.id === data.id);
    if (!goal) {
      if (ack && !ack.handled) ack(new Error(`unknown incentive ${data.id}`));
      return;
    }
    const { rows } = await pool.query<{ progress: string }>(
      `INSERT INTO incentive_progress (incentive_id, cents) VALUES ($1, $2)
       ON CONFLICT (incentive_id) DO UPDATE SET cents = incentive_progress.cents + EXCLUDED.cents
       RETURNING cents AS progress`,
      [data.id, data.cents],
    );
    incentives.value = { ...incentives.value, [data.id]: Number(rows[0].progress) };
    if (ack && !ack.handled) ack(null, incentives.value[data.id]);
  });

  const router = nodecg.Router();
  router.get('/charity/healthz', async (_req, res) => {
    try {
      await pool.query('SELECT 1');
      res.status(200).send('ok');
    } catch {
      res.status(503).send('db down');
    }
  });
  nodecg.mount(router);

  process.on('SIGTERM', () => {
    void Promise.allSettled([pool.end(), reporting.end({ timeout: 5 })]);
  });
};
