import type { Redis } from 'ioredis';
import type pg from 'pg';
import { saveStandup } from './db.js';

export interface ZulipMessage {
  id: number;
  type: 'stream' | 'private';
  sender_email: string;
  sender_full_name: string;
  display_recipient: string | Array<{ email: string }>;
  subject: string;
  content: string;
}

export interface Reply {
  to: string | string[];
  type: 'stream' | 'private';
  topic?: string;
  content: string;
}

export interface Deps {
  pool: pg.Pool;
  redis: Redis;
  botEmail: string;
}

const STANDUP_RE = /^standup\s*\n+y(?:esterday)?:\s*(.+)\n+t(?:oday)?:\s*(.+)(?:\n+b(?:lockers)?:\s*(.+))?/is;

export function makeCommands(deps: Deps) {
  async function rateLimited(email: string): Promise<boolean> {
    const key = `standup:rl:${email}`;
    const count = await deps.redis.incr(key);
    if (count === 1) await deps.redis.expire(key, 60);
    return count > 10;
  }

  async function standup(msg: ZulipMessage, stream: string): Promise<Reply | null> {
    const match = STANDUP_RE.exec(msg.content.trim());
    if (!match) return null;
    const id = await saveStandup(deps.pool, {
      email: msg.sender_email,
      stream,
      yesterday: match[1].trim(),
      today: match[2].trim(),
      blockers: match[3]?.trim() || null,
    });
    return { to: stream, type: 'stream', topic: msg.subject, content: `:check: saved standup #${id} for @**${msg.sender_full_name}**` };
  }

  async function summary(stream: string, topic: string): Promise<Reply> {
    const { rows } = await deps.pool.query<{ email: string; today: string; blockers: string | null }>(
      'SELECT email, today, blockers FROM standups WHERE stream = $1 AND day = current_date ORDER BY email',
      [stream],
    );
    const lines = rows.map((r) => `* **${r.email}**: ${r.today}${r.blockers ? ` — :warning: ${r.blockers}` : ''}`);
    return { to: stream, type: 'stream', topic, content: lines.length ? lines.join('\n') : 'No standups yet today.' };
  }

  return async function onMessage(msg: ZulipMessage): Promise<Reply | null> {
    if (msg.sender_email === deps.botEmail) return null;
    if (await rateLimited(msg.sender_email)) return null;

    const stream = typeof msg.display_recipient === 'string' ? msg.display_recipient : 'dm';
    const text = msg.content.replace(/@\*\*[^*]+\*\*/g, '').trim().toLowerCase();

    if (text.startsWith('standup')) return standup(msg, stream);
    if (text === 'summary' && msg.type === 'stream') return summary(stream, msg.subject);
    if (text === 'help') {
      return { to: msg.sender_email, type: 'private', content: 'Post `standup` with `yesterday:` / `today:` / `blockers:` lines, or ask for `summary`.' };
    }
    return null;
  };
}
