import type { Bot, Message } from "discordeno";
import { bumpMessageCount } from "@lib/database";

export async function onMessageCreate(_bot: Bot, message: Message): Promise<void> {
  if (message.isFromBot || !message.guildId) return;
  try {
    await bumpMessageCount(message.guildId, message.authorId);
  } catch (err) {
    console.error("[messageCreate] count failed", err);
  }
}
