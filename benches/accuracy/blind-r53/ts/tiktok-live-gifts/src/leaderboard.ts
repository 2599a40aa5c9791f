import Redis from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
  keyPrefix: 'live:',
});

function boardKey(showId: string): string {
  return `board:${showId}`;
}

export async function addDiamonds(showId: string, uniqueId: string, nickname: string, diamonds: number) {
  await redis
    .multi()
    .zincrby(boardKey(showId), diamonds, uniqueId)
    .hset(`names:${showId}`, uniqueId, nickname)
    .expire(boardKey(showId), 7 * 24 * 3600)
    .exec();
}

export async function top(showId: string, n = 5): Promise<Array<{ name: string; diamonds: number }>> {
  const flat = await redis.zrevrange(boardKey(showId), 0, n - 1, 'WITHSCORES');
  const out: Array<{ name: string; diamonds: number }> = [];
  for (let i = 0; i < flat.length; i += 2) {
    const name = (await redis.hget(`names:${showId}`, flat[i])) ?? flat[i];
    out.push({ name, diamonds: Number(flat[i + 1]) });
  }
  return out;
}

export async function rankOf(showId: string, uniqueId: string): Promise<number | null> {
  const rank = await redis.zrevrank(boardKey(showId), uniqueId);
  return rank === null ? null : rank + 1;
}

export async function closeLeaderboard(): Promise<void> {
  await redis.quit();
}
