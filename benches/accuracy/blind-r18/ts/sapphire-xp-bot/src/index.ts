import { LogLevel, SapphireClient, container } from '@sapphire/framework';
import { GatewayIntentBits, Partials } from 'discord.js';
import { Redis } from 'ioredis';
import { db, pgp, type Database } from './lib/db.js';

declare module '@sapphire/pieces' {
	interface Container {
		db: Database;
		redis: Redis;
	}
}

const client = new SapphireClient({
	intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
	partials: [Partials.Channel],
	logger: { level: LogLevel.Info },
	loadMessageCommandListeners: true
});

// Shared for every piece (commands, listeners) through the container.
container.db = db;
container.redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379', { maxRetriesPerRequest: 2 });

async function shutdown(code: number) {
	await client.destroy();
	container.redis.disconnect();
	pgp.end();
	process.exit(code);
}

async function main() {
	try {
		client.logger.info('Logging in');
		await client.login(process.env.DISCORD_TOKEN);
	} catch (error) {
		client.logger.fatal(error);
		await shutdown(1);
	}
}

process.once('SIGTERM', () => void shutdown(0));
void main();
