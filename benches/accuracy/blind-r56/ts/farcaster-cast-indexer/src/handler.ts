import {
  bytesToHexString,
  HubEvent,
  HubEventType,
  isCastAddMessage,
  isCastRemoveMessage,
} from '@farcaster/hub-nodejs';
import type pg from 'pg';
import type { Redis } from 'ioredis';

export interface HandlerDeps {
  pool: pg.Pool;
  redis: Redis;
  channels: Set<string>;
}

// Built once in main(); the returned closure runs for every hub event and only borrows
// a pooled client for the duration of one event.
export function makeCastHandler(deps: HandlerDeps) {
  return async function handleEvent(event: HubEvent): Promise<void> {
    if (event.type !== HubEventType.MERGE_MESSAGE) return;
    const message = event.mergeMessageBody?.message;
    if (!message?.data) return;

    if (isCastAddMessage(message)) {
      const parent = message.data.castAddBody.parentUrl;
      if (!parent || !deps.channels.has(parent)) return;
      const hash = bytesToHexString(message.hash).unwrapOr('');

      const client = await deps.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO casts (hash, fid, channel, body, event_id)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT (hash) DO NOTHING`,
          [hash, message.data.fid, parent, message.data.castAddBody.text, event.id],
        );
        await client.query(
          `INSERT INTO channel_stats (channel, day, casts) VALUES ($1, current_date, 1)
           ON CONFLICT (channel, day) DO UPDATE SET casts = channel_stats.casts + 1`,
          [parent],
        );
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
      await deps.redis.zincrby(`fc:active:${parent}`, 1, String(message.data.fid));
    } else if (isCastRemoveMessage(message)) {
      const target = bytesToHexString(message.data.castRemoveBody.targetHash).unwrapOr('');
      await deps.pool.query('UPDATE casts SET deleted_at = now() WHERE hash = $1', [target]);
    }
  };
}
