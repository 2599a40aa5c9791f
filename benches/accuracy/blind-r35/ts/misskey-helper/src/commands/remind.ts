import { Redis } from 'ioredis';
import type { Command } from './types.js';

const store = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

export const remind: Command = async ({ note, args, reply }) => {
  const minutes = Number(args[0]);
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 7 * 24 * 60) {
    await reply('usage: remind <minutes> <text>');
    return;
  }
  const text = args.slice(1).join(' ') || 'ping!';
  await store.zadd('reminders', Date.now() + minutes * 60_000, JSON.stringify({ noteId: note.id, text }));
  await reply(`OK, I'll remind you in ${minutes} min.`);
};
