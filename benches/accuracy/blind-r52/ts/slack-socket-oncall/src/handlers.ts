import type { Redis } from 'ioredis';
import type { WebClient } from '@slack/web-api';
import type pg from 'pg';
import { request } from 'undici';

interface Deps {
  pool: pg.Pool;
  redis: Redis;
  web: WebClient;
}

interface SlashBody {
  command: string;
  text: string;
  user_id: string;
  channel_id: string;
}

const PD_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

// Built once in main(); the returned closures run for every Slack event and
// only borrow the shared clients.
export function makeHandlers({ pool, redis, web }: Deps) {
  async function currentOncall(team: string): Promise<string | undefined> {
    const cached = await redis.get(`oncall:${team}`);
    if (cached) return cached;
    const { rows } = await pool.query<{ slack_user_id: string }>(
      `SELECT slack_user_id FROM rotations
        WHERE team = $1 AND starts_at <= now() AND ends_at > now()
        ORDER BY starts_at DESC LIMIT 1`,
      [team],
    );
    const user = rows[0]?.slack_user_id;
    if (user) await redis.set(`oncall:${team}`, user, 'EX', 300);
    return user;
  }

  async function acknowledge(incidentKey: string, slackUser: string): Promise<boolean> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rowCount } = await client.query(
        `UPDATE incidents SET acked_by = $2, acked_at = now()
          WHERE dedup_key = $1 AND acked_at IS NULL`,
        [incidentKey, slackUser],
      );
      if (!rowCount) {
        await client.query('ROLLBACK');
        return false;
      }
      await client.query('INSERT INTO incident_log (dedup_key, action, actor) VALUES ($1, $2, $3)', [
        incidentKey,
        'ack',
        slackUser,
      ]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }

    const res = await request(PD_EVENTS_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        routing_key: process.env.PD_ROUTING_KEY,
        event_action: 'acknowledge',
        dedup_key: incidentKey,
      }),
    });
    await res.body.dump();
    return res.statusCode === 202;
  }

  return {
    async slashCommand(body: SlashBody) {
      const [arg] = body.text.trim().split(/\s+/);
      if (body.command === '/oncall') {
        const user = await currentOncall(arg || 'platform');
        return { response_type: 'in_channel', text: user ? `<@${user}> is on call for ${arg || 'platform'}` : 'Nobody is on call.' };
      }
      if (body.command === '/ack') {
        const ok = await acknowledge(arg, body.user_id);
        return { response_type: 'in_channel', text: ok ? `<@${body.user_id}> acknowledged ${arg}` : `${arg} was already acknowledged` };
      }
      return { response_type: 'ephemeral', text: `Unknown command ${body.command}` };
    },

    async mention(event: { channel: string; ts: string; text: string }) {
      const team = /oncall\s+(\w+)/i.exec(event.text)?.[1] ?? 'platform';
      const user = await currentOncall(team);
      await web.chat.postMessage({
        channel: event.channel,
        thread_ts: event.ts,
        text: user ? `<@${user}> is on call for ${team}` : `No rotation found for ${team}`,
      });
    },

    async interaction(body: { actions?: { action_id: string; value: string }[]; user: { id: string } }) {
      const action = body.actions?.[0];
      if (action?.action_id === 'ack_incident') {
        await acknowledge(action.value, body.user.id);
      }
    },
  };
}
