import { CronConfig, Handlers } from 'motia';
import { expireStaleCarts, pool } from '../lib/db';

const STALE_AFTER_MINUTES = Number(process.env.CART_TTL_MINUTES ?? 90);

export const config: CronConfig = {
  type: 'cron',
  name: 'ExpireCarts',
  description: 'Closes carts nobody touched for a while and reports how many',
  cron: '*/10 * * * *',
  emits: ['carts.expired'],
  flows: ['orders'],
};

export const handler: Handlers['ExpireCarts'] = async ({ emit, logger }) => {
  const expired = await expireStaleCarts(STALE_AFTER_MINUTES);
  logger.info('expired carts', { expired });

  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ open: string }>(
      "SELECT count(*) AS open FROM carts WHERE status = 'open'",
    );
    await emit({
      topic: 'carts.expired',
      data: { expired, stillOpen: Number(rows[0]?.open ?? 0) },
    });
  } finally {
    client.release();
  }
};
