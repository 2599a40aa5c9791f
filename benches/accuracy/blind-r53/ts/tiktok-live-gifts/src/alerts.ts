import Redis from 'ioredis';

// The OBS browser-source overlay polls live:alerts:<show> and animates new entries.
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
  keyPrefix: 'live:',
  enableAutoPipelining: true,
});

export type AlertKind = 'gift' | 'follow' | 'share' | 'milestone';

export interface Alert {
  kind: AlertKind;
  user: string;
  text: string;
  imageUrl?: string;
  at: number;
}

const MAX_QUEUED = 50;

export async function pushAlert(showId: string, alert: Omit<Alert, 'at'>): Promise<void> {
  const key = `alerts:${showId}`;
  await redis.lpush(key, JSON.stringify({ ...alert, at: Date.now() }));
  await redis.ltrim(key, 0, MAX_QUEUED - 1);
}

export async function likeMilestone(showId: string, totalLikes: number): Promise<void> {
  const step = 10_000;
  const reached = Math.floor(totalLikes / step) * step;
  if (reached === 0) return;
  const last = Number((await redis.get(`likes:${showId}`)) ?? 0);
  if (reached > last) {
    await redis.set(`likes:${showId}`, reached);
    await pushAlert(showId, { kind: 'milestone', user: '', text: `${reached.toLocaleString()} likes!` });
  }
}

export async function closeAlerts(): Promise<void> {
  await redis.quit();
}
