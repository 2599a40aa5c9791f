import type { Command } from './types.js';
import { remind } from './remind.js';
import { related } from './related.js';

export const commands: Record<string, Command> = {
  remind,
  related,
  ping: async ({ reply }) => reply('pong'),
};
