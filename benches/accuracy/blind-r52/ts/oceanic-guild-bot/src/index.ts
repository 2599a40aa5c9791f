import { Client, CommandInteraction, type CreateApplicationCommandOptions } from 'oceanic.js';

import * as rank from './commands/rank.js';
import * as card from './commands/card.js';
import { awardXp, closeXpStore } from './xp.js';

interface Command {
  definition: CreateApplicationCommandOptions;
  run(interaction: CommandInteraction): Promise<void>;
}

const commands = new Map<string, Command>([
  [rank.definition.name, rank],
  [card.definition.name, card],
]);

const client = new Client({
  auth: `Bot ${process.env.DISCORD_TOKEN}`,
  gateway: { intents: ['GUILDS', 'GUILD_MESSAGES', 'MESSAGE_CONTENT'] },
});

client.once('ready', async () => {
  console.log(`logged in as ${client.user.tag}`);
  await client.application.bulkEditGlobalCommands([...commands.values()].map((c) => c.definition));
  if (process.argv.includes('--register-only')) {
    await shutdown();
  }
});

client.on('messageCreate', async (msg) => {
  if (msg.author.bot || !msg.guildID) return;
  try {
    const levelUp = await awardXp(msg.guildID, msg.author.id, msg.content.length);
    if (levelUp) {
      await client.rest.channels.createMessage(msg.channelID, {
        content: `<@${msg.author.id}> reached level ${levelUp}!`,
        allowedMentions: { users: [msg.author.id] },
      });
    }
  } catch (err) {
    console.error('xp update failed', err);
  }
});

client.on('interactionCreate', async (interaction) => {
  if (!(interaction instanceof CommandInteraction)) return;
  const command = commands.get(interaction.data.name);
  if (!command) return;
  try {
    await command.run(interaction);
  } catch (err) {
    console.error(`/${interaction.data.name} failed`, err);
    const content = 'Something went wrong running that command.';
    if (interaction.acknowledged) {
      await interaction.createFollowup({ content, flags: 64 });
    } else {
      await interaction.createMessage({ content, flags: 64 });
    }
  }
});

client.on('error', (err) => console.error('gateway error', err));

async function shutdown(): Promise<void> {
  client.disconnect(false);
  await closeXpStore();
  process.exit(0);
}

process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());

await client.connect();
