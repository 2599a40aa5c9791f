import { ApplyOptions } from '@sapphire/decorators';
import { Command } from '@sapphire/framework';
import { AttachmentBuilder, PermissionFlagsBits } from 'discord.js';
import { pgp } from '../lib/db.js';

@ApplyOptions<Command.Options>({
	description: 'Export the XP history of this server as CSV',
	requiredUserPermissions: [PermissionFlagsBits.ManageGuild]
})
export class ExportCommand extends Command {
	public override registerApplicationCommands(registry: Command.Registry) {
		registry.registerChatInputCommand((builder) =>
			builder
				.setName(this.name)
				.setDescription(this.description)
				.addIntegerOption((opt) => opt.setName('days').setDescription('How many days back').setMinValue(1).setMaxValue(365))
		);
	}

	public override async chatInputRun(interaction: Command.ChatInputCommandInteraction) {
		if (!interaction.inGuild()) return interaction.reply({ content: 'Server only.', ephemeral: true });
		await interaction.deferReply({ ephemeral: true });

		const days = interaction.options.getInteger('days') ?? 30;
		// History is kept in the archive database (read replica of the old bot).
		const archive = pgp({ connectionString: process.env.ARCHIVE_DATABASE_URL, max: 2 });
		const rows = await archive.any<{ user_id: string; xp: number; day: string }>(
			`SELECT user_id, sum(xp)::int AS xp, to_char(earned_at, 'YYYY-MM-DD') AS day
			 FROM xp_events WHERE guild_id = $1 AND earned_at > now() - make_interval(days => $2)
			 GROUP BY user_id, day ORDER BY day, user_id`,
			[interaction.guildId, days]
		);

		const csv = ['day,user_id,xp', ...rows.map((r) => `${r.day},${r.user_id},${r.xp}`)].join('\n');
		const file = new AttachmentBuilder(Buffer.from(csv, 'utf8'), { name: `xp-${interaction.guildId}-${days}d.csv` });
		return interaction.editReply({ content: `${rows.length} rows`, files: [file] });
	}
}
