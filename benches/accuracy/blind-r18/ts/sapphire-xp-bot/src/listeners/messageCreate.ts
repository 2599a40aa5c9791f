import { ApplyOptions } from '@sapphire/decorators';
import { Events, Listener } from '@sapphire/framework';
import type { Message } from 'discord.js';
import { cooldownStore, onCooldown } from '../lib/cooldowns.js';
import { levelFor } from '../lib/db.js';

@ApplyOptions<Listener.Options>({ event: Events.MessageCreate })
export class XpListener extends Listener<typeof Events.MessageCreate> {
	public override async run(message: Message) {
		if (message.author.bot || !message.inGuild()) return;

		const store = cooldownStore();
		if (await onCooldown(store, message.guildId, message.author.id)) return;

		const gained = 15 + Math.floor(Math.random() * 11);
		const row = await this.container.db.one<{ xp: number; level: number }>(
			`INSERT INTO member_xp (guild_id, user_id, xp, level) VALUES ($1, $2, $3, 0)
			 ON CONFLICT (guild_id, user_id) DO UPDATE SET xp = member_xp.xp + EXCLUDED.xp
			 RETURNING xp, level`,
			[message.guildId, message.author.id, gained]
		);

		const next = levelFor(row.xp);
		if (next > row.level) {
			await this.container.db.none('UPDATE member_xp SET level = $3 WHERE guild_id = $1 AND user_id = $2', [
				message.guildId,
				message.author.id,
				next
			]);
			await message.channel.send(`GG ${message.author}, you just reached level ${next}!`);
		}
	}
}
