import type { Command } from "../bot";
import { openArchiveClient } from "../lib/scores";
import { onCooldown } from "../lib/cooldown";

export const historyCommand: Command = async (bot, msg, args) => {
  if (await onCooldown("history", msg.author.id, 30)) return;
  const season = args[0] ?? "current";

  const archive = openArchiveClient();
  const result = await archive.execute(
    "SELECT user_id, final_rank, points FROM season_results WHERE guild_id = ? AND season = ? LIMIT 10",
    [msg.guildID, season],
    { prepare: true },
  );

  const body = result.rows
    .map((r) => `#${r.final_rank} <@${r.user_id}> (${r.points} pts)`)
    .join("\n");
  await bot.createMessage(msg.channel.id, body || `No results for season ${season}.`);
};
