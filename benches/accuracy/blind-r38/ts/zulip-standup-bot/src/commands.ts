import type { ZulipMessage } from 'zulip-js';
import { pool } from './db.js';
import { saveAnswer, todaysAnswers } from './standup/store.js';

export type Reply = (content: string) => Promise<void>;

function parseAnswer(body: string) {
  const [yesterday = '', today = '', blockers = 'none'] = body.split('|').map((s) => s.trim());
  return { yesterday, today, blockers };
}

export async function standup(msg: ZulipMessage, args: string, reply: Reply): Promise<void> {
  await saveAnswer({ member: msg.sender_id, ...parseAnswer(args) });
  await reply(`Thanks ${msg.sender_full_name}, noted for today.`);
}

export async function report(_msg: ZulipMessage, _args: string, reply: Reply): Promise<void> {
  const answers = await todaysAnswers();
  if (!answers.length) return reply('Nobody has checked in yet today.');
  const lines = answers.map((a) => `**${a.name}**: ${a.today} (blockers: ${a.blockers})`);
  await reply(lines.join('\n'));
}

export async function streak(msg: ZulipMessage, _args: string, reply: Reply): Promise<void> {
  const client = await pool.connect();
  const { rows } = await client.query(
    `SELECT count(*)::int AS days
       FROM standup_answers
      WHERE zulip_user_id = $1 AND day > current_date - interval '30 days'`,
    [msg.sender_id],
  );
  if (rows[0].days === 0) {
    return reply('No check-ins in the last 30 days.');
  }
  await client.query('UPDATE members SET last_streak_query = now() WHERE zulip_user_id = $1', [msg.sender_id]);
  client.release();
  await reply(`You checked in on ${rows[0].days} of the last 30 days.`);
}

export const commands: Record<string, (msg: ZulipMessage, args: string, reply: Reply) => Promise<void>> = {
  standup,
  report,
  streak,
};
