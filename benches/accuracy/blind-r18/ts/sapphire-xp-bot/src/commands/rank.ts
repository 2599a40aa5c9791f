import { ApplyOptions } from '@sapphire/decorators';
import { Command } from '@sapphire/framework';
import { EmbedBuilder } from 'discord.js';
import { rankOf, topMembers } from '../lib/leaderboard.js';

@ApplyOptions<Command.Options>({ description: 'Show your rank and the top 10 of this server' })
export class RankCommand extends Command {
	public override registerApplicationCommands(registry: Command.Registry) {
		registry.registerChatInputCommand((builder) => builder.setName(this.name).setDescription(this.description));
	}

	public override async chatInputRun(interaction: Command.ChatInputCommandInteraction) {
		if (!interaction.inGuild()) return interaction.reply({ content: 'Server only.', ephemeral: true });

		const [top, mine] = await Promise.all([
			topMembers(interaction.guildId),
			rankOf(interaction.guildId, interaction.user.id)
		]);

		const embed = new EmbedBuilder()
			.setTitle('Leaderboard')
			.setDescription(top.map((r, i) => `**${i + 1}.** <@${r.user_id}> — lvl ${r.level} (${r.xp} xp)`).join('\n') || 'Nobody yet')
			.setFooter({ text: mine ? `You are #${mine}` : 'Send a message to get on the board' });

		return interaction.reply({ embeds: [embed] });
	}
}
