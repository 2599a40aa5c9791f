import pgPromise, { type IDatabase } from 'pg-promise';

export const pgp = pgPromise({ capSQL: true });

export type Database = IDatabase<Record<string, never>>;

export const db: Database = pgp({
	connectionString: process.env.DATABASE_URL,
	max: 10,
	application_name: 'xp-bot'
});

export function levelFor(xp: number): number {
	// 5 * level^2 + 50 * level + 100 per level, same curve as the old bot
	let level = 0;
	let needed = 100;
	let remaining = xp;
	while (remaining >= needed) {
		remaining -= needed;
		level += 1;
		needed = 5 * level * level + 50 * level + 100;
	}
	return level;
}
