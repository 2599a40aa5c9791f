import { InteractionResponseTypes, type Bot, type Interaction } from "discordeno";
import { rankCommand } from "@commands/rank";
import { exportCommand } from "@commands/export";
import { leaderboardCommand } from "@commands/leaderboard";

type CommandHandler = (bot: Bot, interaction: Interaction) => Promise<string>;

const commands: Record<string, CommandHandler> = {
  rank: rankCommand,
  export: exportCommand,
  leaderboard: leaderboardCommand,
};

export async function onInteractionCreate(bot: Bot, interaction: Interaction): Promise<void> {
  const name = interaction.data?.name;
  const handler = name ? commands[name] : undefined;
  if (!handler) return;

  let content: string;
  try {
    content = await handler(bot, interaction);
  } catch (err) {
    console.error(`[interaction] /${name} failed`, err);
    content = "Something went wrong, try again later.";
  }

  await bot.helpers.sendInteractionResponse(interaction.id, interaction.token, {
    type: InteractionResponseTypes.ChannelMessageWithSource,
    data: { content },
  });
}
