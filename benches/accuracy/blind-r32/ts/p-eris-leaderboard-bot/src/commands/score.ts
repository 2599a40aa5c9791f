import type { Command } from "../bot";
import { scores } from "../lib/scores";

export const scoreCommand: Command = async (bot, msg) => {
  const target = msg.mentions[0] ?? msg.author;
  const result = await scores.execute(
    "SELECT game, best, updated_at FROM best_scores WHERE guild_id = ? AND user_id = ?",
    [msg.guildID, target.id],
    { prepare: true },
  );
  if (result.rowLength === 0) {
    await bot.createMessage(msg.channel.id, `${target.username} has no scores yet.`);
    return;
  }
  const text = result.rows.map((r) => `**${r.game}**: ${r.best}`).join("\n");
  await bot.createMessage(msg.channel.id, `Scores for ${target.username}:\n${text}`);
};
