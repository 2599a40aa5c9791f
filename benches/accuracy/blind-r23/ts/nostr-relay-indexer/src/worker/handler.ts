import type pg from 'pg';
import type { Redis } from 'ioredis';
import type { Event } from 'nostr-tools/core';
import { verifyEvent } from 'nostr-tools/pure';

export type Deps = { pool: pg.Pool; redis: Redis };

// Built once in main; the returned closure runs for every event a relay sends.
export function makeEventHandler({ pool, redis }: Deps) {
  return async function onEvent(event: Event, relay: string): Promise<void> {
    // the same note usually arrives from several relays
    const first = await redis.set(`nostr:seen:${event.id}`, relay, 'EX', 3600, 'NX');
    if (first !== 'OK') return;
    if (!verifyEvent(event)) return;

    const hashtags = event.tags.filter((t) => t[0] === 't').map((t) => t[1].toLowerCase());
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query(
        `insert into notes (id, pubkey, kind, content, created_at, relay)
         values ($1, $2, $3, $4, to_timestamp($5), $6)
         on conflict (id) do nothing`,
        [event.id, event.pubkey, event.kind, event.content, event.created_at, relay],
      );
      for (const tag of hashtags) {
        await client.query(
          'insert into note_tags (note_id, tag) values ($1, $2) on conflict do nothing',
          [event.id, tag],
        );
      }
      await client.query('commit');
    } catch (err) {
      await client.query('rollback');
      throw err;
    } finally {
      client.release();
    }
    await redis.publish('nostr:new-note', event.id);
  };
}
