import Eris from "eris";
import { topCommand } from "./commands/top";
import { scoreCommand } from "./commands/score";
import { historyCommand } from "./commands/history";
import { awardXp } from "./lib/xp";

export type Command = (bot: Eris.Client, msg: Eris.Message, args: string[]) => Promise<void>;

const commands: Record<string, Command> = {
  top: topCommand,
  score: scoreCommand,
  history: historyCommand,
};

const bot = new Eris.Client(process.env.DISCORD_TOKEN ?? "", {
  intents: ["guilds", "guildMessages", "messageContent"],
});

bot.on("ready", () => console.log(`logged in as ${bot.user.username}`));

bot.on("messageCreate", async (msg) => {
  if (msg.author.bot || !msg.guildID) return;

  await awardXp(msg.guildID, msg.author.id);

  if (!msg.content.startsWith("!")) return;
  const [name, ...args] = msg.content.slice(1).trim().split(/\s+/);
  const command = commands[name.toLowerCase()];
  if (!command) return;
  try {
    await command(bot, msg, args);
  } catch (err) {
    console.error(`command ${name} failed`, err);
    await bot.createMessage(msg.channel.id, "Something went wrong, try again later.");
  }
});

bot.on("error", (err) => console.error("gateway error", err));

bot.connect();
