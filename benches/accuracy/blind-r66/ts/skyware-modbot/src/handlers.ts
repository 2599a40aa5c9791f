import type { Bot, Post } from '@skyware/bot';
import type pg from 'pg';
import type { Redis } from 'ioredis';

interface Deps {
  bot: Bot;
  pool: pg.Pool;
  redis: Redis;
}

const REPORT_RE = /report\s+@([a-z0-9.-]+)\s+(spam|harassment|impersonation|other)\b(.*)/i;
const REPORTS_PER_HOUR = 5;

export function makeHandlers({ bot, pool, redis }: Deps) {
  async function underLimit(did: string): Promise<boolean> {
    const key = `modbot:rate:${did}`;
    const count = await redis.incr(key);
    if (count === 1) await redis.expire(key, 3600);
    return count <= REPORTS_PER_HOUR;
  }

  async function onMention(post: Post): Promise<void> {
    const match = REPORT_RE.exec(post.text);
    if (!match) {
      await post.reply({ text: 'To file a report: "report @handle spam|harassment|impersonation|other <details>"' });
      return;
    }
    if (!(await underLimit(post.author.did))) {
      await post.reply({ text: 'You have filed several reports recently; please wait a bit.' });
      return;
    }

    const [, handle, category, details] = match;
    const subject = await bot.getProfile(handle);

    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO reports (reporter_did, subject_did, category, details, post_uri)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [post.author.did, subject.did, category.toLowerCase(), details.trim(), post.uri],
      );
      await client.query(
        `INSERT INTO subject_counters (subject_did, open_reports) VALUES ($1, 1)
         ON CONFLICT (subject_did) DO UPDATE SET open_reports = subject_counters.open_reports + 1`,
        [subject.did],
      );
      await client.query('COMMIT');
      await post.reply({ text: `Thanks - report #${rows[0].id} is in the queue.` });
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  }

  async function onReply(post: Post): Promise<void> {
    // Moderators reply "closed #123" under the bot's acknowledgement.
    const closed = /closed\s+#(\d+)/i.exec(post.text);
    if (!closed) return;
    const isMod = await redis.sismember('modbot:moderators', post.author.did);
    if (!isMod) return;
    await pool.query("UPDATE reports SET status = 'closed', closed_by = $2, closed_at = now() WHERE id = $1", [
      Number(closed[1]),
      post.author.did,
    ]);
    await post.like();
  }

  return { onMention, onReply };
}
