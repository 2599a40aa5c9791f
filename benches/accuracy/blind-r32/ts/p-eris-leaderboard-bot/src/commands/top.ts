import type { Command } from "../bot";
import { topXp } from "../lib/xp";
import { onCooldown } from "../lib/cooldown";

export const topCommand: Command = async (bot, msg) => {
  if (await onCooldown("top", msg.author.id, 10)) return;
  const rows = await topXp(msg.guildID!);
  const lines = rows.map(([userId, xp], i) => `${i + 1}. <@${userId}> — ${xp} xp`);
  await bot.createMessage(msg.channel.id, lines.length ? lines.join("\n") : "No XP yet.");
};
