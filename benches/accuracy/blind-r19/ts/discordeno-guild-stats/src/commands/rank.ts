import Valkey from "iovalkey";
import type { Bot, Interaction } from "discordeno";
import { rankOf } from "../leaderboard/store.js";

const CACHE_TTL_SECONDS = 120;

export async function rankCommand(_bot: Bot, interaction: Interaction): Promise<string> {
  if (!interaction.guildId) return "Ranks only work inside a server.";
  const key = `rank:${interaction.guildId}:${interaction.user.id}`;

  const cache = new Valkey(process.env.VALKEY_URL ?? "redis://127.0.0.1:6379");
  const cached = await cache.get(key);
  if (cached) return `You are #${cached} this month (cached).`;

  const rank = await rankOf(interaction.guildId, interaction.user.id);
  if (rank === null) return "No messages counted for you yet.";
  await cache.set(key, String(rank), "EX", CACHE_TTL_SECONDS);
  return `You are #${rank} this month.`;
}
