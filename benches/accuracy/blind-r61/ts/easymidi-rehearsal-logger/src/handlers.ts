import type { Redis } from 'ioredis';
import type pg from 'pg';

interface Deps {
  pool: pg.Pool;
  redis: Redis;
  room: string;
}

export function makeHandlers({ pool, redis, room }: Deps) {
  const noteCounts = new Map<number, number>();
  let takeId: number | null = null;

  return {
    // Fired for every key press; only touches in-memory counters and Redis.
    noteOn(msg: { note: number; velocity: number; channel: number }) {
      if (msg.velocity === 0) return;
      noteCounts.set(msg.channel, (noteCounts.get(msg.channel) ?? 0) + 1);
      void redis.publish(`studio:${room}:live`, JSON.stringify({ ch: msg.channel, note: msg.note }));
    },

    // MIDI transport start: a new take begins.
    async start() {
      const { rows } = await pool.query<{ id: number }>(
        'INSERT INTO takes (room, started_at) VALUES ($1, now()) RETURNING id',
        [room],
      );
      takeId = rows[0].id;
    },

    // MIDI transport stop: close the open take, if any.
    async stop() {
      if (takeId === null) return;
      await pool.query('UPDATE takes SET ended_at = now() WHERE id = $1', [takeId]);
      takeId = null;
    },

    // Called from a 10 s interval in main.ts.
    async flush() {
      if (noteCounts.size === 0) return;
      const batch = [...noteCounts.entries()];
      noteCounts.clear();
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        for (const [channel, notes] of batch) {
          await client.query(
            'INSERT INTO practice_stats (room, take_id, channel, notes, bucket) VALUES ($1, $2, $3, $4, now())',
            [room, takeId, channel, notes],
          );
        }
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      } finally {
        client.release();
      }
    },
  };
}
