import type { Message } from "guilded.js";
import { rank } from "./rank.js";
import { streak } from "./streak.js";

export type Command = (message: Message, args: string[]) => Promise<void>;

export const commands: Record<string, Command> = {
  rank,
  xp: rank,
  streak,
  ping: async (message) => {
    await message.reply("pong");
  },
};
