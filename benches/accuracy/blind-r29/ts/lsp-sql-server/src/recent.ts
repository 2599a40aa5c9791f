import Redis from 'ioredis';

const REDIS_URL = process.env.SQLHINT_REDIS_URL ?? 'redis://127.0.0.1:6379/3';

/**
 * Recently-used tables are shared across the team's editors through Redis so that
 * completions float the tables people are actually touching this week.
 */
export function createRecentCache(): Redis {
  return new Redis(REDIS_URL, {
    enableAutoPipelining: true,
    maxRetriesPerRequest: 1,
    connectionName: 'sqlhint-ls',
  });
}

export async function touchTables(redis: Redis, user: string, tables: string[]): Promise<void> {
  if (tables.length === 0) return;
  const key = `sqlhint:recent:${user}`;
  const now = Date.now();
  const multi = redis.multi();
  for (const t of tables) multi.zadd(key, now, t);
  multi.zremrangebyrank(key, 0, -101);
  multi.expire(key, 60 * 60 * 24 * 7);
  await multi.exec();
}

export function tablesIn(sqlText: string): string[] {
  const found = new Set<string>();
  for (const m of sqlText.matchAll(/\b(?:from|join|into|update)\s+([A-Za-z_][\w.]*)/gi)) {
    found.add(m[1].toLowerCase());
  }
  return [...found];
}
