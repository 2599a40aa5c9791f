import type { Pool } from 'pg';
import type { RedisClientType } from 'redis';
import type { Bot, Trigger } from 'webex-node-bot-framework';

export interface Deps {
  pool: Pool;
  redis: RedisClientType;
}

export interface CommandSpec {
  phrase: string | RegExp;
  help: string;
  handler: (bot: Bot, trigger: Trigger) => Promise<void>;
}

export function makeCommands({ pool, redis }: Deps): CommandSpec[] {
  return [
    {
      phrase: /^who'?s on ?call/i,
      help: "who's on call — current primary and secondary",
      handler: async (bot) => {
        const cached = await redis.get('oncall:current');
        if (cached) {
          await bot.say('markdown', cached);
          return;
        }
        const { rows } = await pool.query<{ role: string; name: string }>(
          `SELECT role, name FROM rotations WHERE now() BETWEEN starts_at AND ends_at ORDER BY role`,
        );
        const text = rows.map((r) => `**${r.role}**: ${r.name}`).join('\n') || 'Nobody is on call?!';
        await redis.set('oncall:current', text, { EX: 60 });
        await bot.say('markdown', text);
      },
    },
    {
      phrase: /^swap with/i,
      help: 'swap with <email> — swap your next shift',
      handler: async (bot, trigger) => {
        const other = trigger.args[2];
        const me = trigger.person.emails[0];
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const mine = await client.query(
            `SELECT id FROM shifts WHERE person_email = $1 AND starts_at > now() ORDER BY starts_at LIMIT 1 FOR UPDATE`,
            [me],
          );
          const theirs = await client.query(
            `SELECT id FROM shifts WHERE person_email = $1 AND starts_at > now() ORDER BY starts_at LIMIT 1 FOR UPDATE`,
            [other],
          );
          if (!mine.rowCount || !theirs.rowCount) {
            await client.query('ROLLBACK');
            await bot.say('text', 'Could not find upcoming shifts for both of you.');
            return;
          }
          await client.query('UPDATE shifts SET person_email = $2 WHERE id = $1', [mine.rows[0].id, other]);
          await client.query('UPDATE shifts SET person_email = $2 WHERE id = $1', [theirs.rows[0].id, me]);
          await client.query('COMMIT');
          await redis.del('oncall:current');
          await bot.say('text', `Swapped your next shift with ${other}.`);
        } catch (err) {
          await client.query('ROLLBACK').catch(() => {});
          throw err;
        } finally {
          client.release();
        }
      },
    },
  ];
}
