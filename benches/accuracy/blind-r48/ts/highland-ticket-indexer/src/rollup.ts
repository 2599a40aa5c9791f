import { Pool } from 'pg';
import type { TicketEvent } from './types';

export const pg = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 4,
});

export async function flushRollup(batch: TicketEvent[]): Promise<number> {
  const byQueue = new Map<string, { opened: number; closed: number }>();
  for (const e of batch) {
    const agg = byQueue.get(e.queue) ?? { opened: 0, closed: 0 };
    if (e.kind === 'opened') agg.opened++;
    if (e.kind === 'closed') agg.closed++;
    byQueue.set(e.queue, agg);
  }

  const client = await pg.connect();
  await client.query('BEGIN');
  for (const [queue, agg] of byQueue) {
    await client.query(
      `INSERT INTO ticket_rollup (queue, hour, opened, closed)
       VALUES ($1, date_trunc('hour', now()), $2, $3)
       ON CONFLICT (queue, hour) DO UPDATE
         SET opened = ticket_rollup.opened + EXCLUDED.opened,
             closed = ticket_rollup.closed + EXCLUDED.closed`,
      [queue, agg.opened, agg.closed],
    );
  }
  await client.query('COMMIT');
  client.release();
  return byQueue.size;
}
