import { createClient } from 'redis';
import type { TeamSpeakClient } from 'ts3-nodejs-library';
import { topPlayers } from './stats';
import { lastSeen } from './presence';

type Command = (args: string[], invoker: TeamSpeakClient) => Promise<string>;

const top: Command = async () => {
  const players = await topPlayers(5);
  if (players.length === 0) return 'No playtime recorded yet.';
  return players.map((p, i) => `${i + 1}. ${p.nickname} - ${p.hours} h`).join('\n');
};

const seen: Command = async ([nickname]) => {
  if (!nickname) return 'Usage: !seen <nickname>';
  const row = await lastSeen(nickname);
  if (!row) return `I have never seen ${nickname}.`;
  return `${row.nickname} was last seen ${row.seen_at.toISOString()} in "${row.channel}".`;
};

const rank: Command = async (_args, invoker) => {
  const redis = createClient({ url: process.env.REDIS_URL });
  await redis.connect();
  const position = await redis.zRevRank('ts:xp', invoker.uniqueIdentifier);
  const xp = await redis.zScore('ts:xp', invoker.uniqueIdentifier);
  if (position === null) return 'You have no XP yet - stay a while!';
  return `You are #${position + 1} with ${Math.round(xp ?? 0)} XP.`;
};

export const commands: Record<string, Command> = { '!top': top, '!seen': seen, '!rank': rank };
