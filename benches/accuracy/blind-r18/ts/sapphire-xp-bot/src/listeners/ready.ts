import { ApplyOptions } from '@sapphire/decorators';
import { Events, Listener } from '@sapphire/framework';
import type { Client } from 'discord.js';

@ApplyOptions<Listener.Options>({ event: Events.ClientReady, once: true })
export class ReadyListener extends Listener<typeof Events.ClientReady> {
	public override async run(client: Client<true>) {
		const { count } = await this.container.db.one<{ count: string }>('SELECT count(*) FROM member_xp');
		await this.container.redis.set('xp:bot:last-ready', new Date().toISOString());
		this.container.logger.info(`Logged in as ${client.user.tag}, tracking ${count} members`);
	}
}
