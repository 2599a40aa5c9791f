import type * as Misskey from 'misskey-js';

export interface CommandContext {
  note: Misskey.entities.Note;
  args: string[];
  reply(text: string): Promise<void>;
}

export type Command = (ctx: CommandContext) => Promise<void>;
