import type { Bot, Interaction } from "discordeno";
import { topUsers } from "../leaderboard/store.js";

export async function leaderboardCommand(_bot: Bot, interaction: Interaction): Promise<string> {
  if (!interaction.guildId) return "Leaderboards only work inside a server.";
  const rows = await topUsers(interaction.guildId, 10);
  if (rows.length === 0) return "Nobody has talked yet.";
  return rows.map((r, i) => `${i + 1}. <@${r.user_id}> — ${r.total}`).join("\n");
}
