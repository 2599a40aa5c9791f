import { createBot, Intents, startBot } from "discordeno";
import { onMessageCreate } from "./events/messageCreate.js";
import { onInteractionCreate } from "./events/interactionCreate.js";
import { onGuildCreate } from "./events/guildCreate.js";

const bot = createBot({
  token: process.env.DISCORD_TOKEN!,
  intents: Intents.Guilds | Intents.GuildMessages | Intents.MessageContent,
  events: {
    ready(_bot, payload) {
      console.log(`[bot] logged in as ${payload.user.username} (shard ${payload.shardId})`);
    },
  },
});

// Handlers live in src/events and are wired here once.
bot.events.messageCreate = onMessageCreate;
bot.events.interactionCreate = onInteractionCreate;
bot.events.guildCreate = onGuildCreate;

await startBot(bot);
