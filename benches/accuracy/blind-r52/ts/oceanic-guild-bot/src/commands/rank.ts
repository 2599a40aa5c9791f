import {
  ApplicationCommandOptionTypes,
  ApplicationCommandTypes,
  CommandInteraction,
  type CreateApplicationCommandOptions,
} from 'oceanic.js';
import { MongoClient } from 'mongodb';

import { levelFor, type MemberXp } from '../xp.js';

export const definition: CreateApplicationCommandOptions = {
  type: ApplicationCommandTypes.CHAT_INPUT,
  name: 'rank',
  description: "Show a member's XP and rank in this server",
  options: [
    {
      type: ApplicationCommandOptionTypes.USER,
      name: 'member',
      description: 'Member to look up (defaults to you)',
      required: false,
    },
  ],
};

export async function run(interaction: CommandInteraction): Promise<void> {
  if (!interaction.guildID) {
    await interaction.createMessage({ content: 'Ranks only exist inside a server.', flags: 64 });
    return;
  }
  await interaction.defer();

  const target = interaction.data.options.getUser('member') ?? interaction.user;
  const mongo = new MongoClient(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', {
    appName: 'oceanic-guild-bot-rank',
    readPreference: 'secondaryPreferred',
  });
  const members = mongo.db('guildbot').collection<MemberXp>('members');

  const me = await members.findOne({ guildId: interaction.guildID, userId: target.id });
  if (!me) {
    await interaction.createFollowup({ content: `${target.username} has not earned any XP yet.` });
    return;
  }

  const ahead = await members.countDocuments({ guildId: interaction.guildID, xp: { $gt: me.xp } });
  const level = levelFor(me.xp);
  const nextLevelXp = Math.pow((level + 1) / 0.1, 2);

  await interaction.createFollowup({
    embeds: [
      {
        title: `${target.username} — rank #${ahead + 1}`,
        color: 0x5865f2,
        thumbnail: { url: target.avatarURL() },
        fields: [
          { name: 'Level', value: String(level), inline: true },
          { name: 'XP', value: `${me.xp} / ${Math.ceil(nextLevelXp)}`, inline: true },
        ],
      },
    ],
  });
}
