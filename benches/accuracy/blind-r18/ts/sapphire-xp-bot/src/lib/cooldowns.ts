import { Redis } from 'ioredis';

export function cooldownStore(): Redis {
	return new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379', {
		keyPrefix: 'xp:cd:',
		maxRetriesPerRequest: 1
	});
}

/** Returns true when the member already earned XP in the last `seconds`. */
export async function onCooldown(store: Redis, guildId: string, userId: string, seconds = 60): Promise<boolean> {
	const set = await store.set(`${guildId}:${userId}`, '1', 'EX', seconds, 'NX');
	return set === null;
}
