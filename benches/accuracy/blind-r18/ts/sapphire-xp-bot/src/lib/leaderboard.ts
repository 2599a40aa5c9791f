import pgPromise from 'pg-promise';

// The leaderboard queries scan the whole guild; keep them on their own
// connections so they never starve the XP writes coming from messageCreate.
const boardPgp = pgPromise();
const boardDb = boardPgp({
	connectionString: process.env.DATABASE_URL,
	max: 4,
	application_name: 'xp-bot-leaderboard'
});

export interface BoardRow {
	user_id: string;
	xp: number;
	level: number;
}

export function topMembers(guildId: string, limit = 10): Promise<BoardRow[]> {
	return boardDb.any<BoardRow>(
		'SELECT user_id, xp, level FROM member_xp WHERE guild_id = $1 ORDER BY xp DESC LIMIT $2',
		[guildId, limit]
	);
}

export async function rankOf(guildId: string, userId: string): Promise<number | null> {
	const row = await boardDb.oneOrNone<{ rank: string }>(
		`SELECT rank FROM (
		   SELECT user_id, RANK() OVER (ORDER BY xp DESC) AS rank
		   FROM member_xp WHERE guild_id = $1
		 ) ranked WHERE user_id = $2`,
		[guildId, userId]
	);
	return row ? Number(row.rank) : null;
}
