import Redis from 'ioredis';

/**
 * Page view counters are written by the edge analytics worker into Redis
 * (`views:<slug>` counters). We bake the current number into the static
 * build so the "popular posts" list works without client-side fetching.
 */
export async function getViewCount(slug: string): Promise<number> {
  if (!process.env.ANALYTICS_REDIS_URL) {
    return 0;
  }

  const redis = new Redis(process.env.ANALYTICS_REDIS_URL, {
    connectTimeout: 2_000,
    maxRetriesPerRequest: 1,
  });

  try {
    const value = await redis.get(`views:${slug}`);
    return value ? Number.parseInt(value, 10) : 0;
  } catch (err) {
    console.warn(`[content] could not read views for ${slug}:`, (err as Error).message);
    return 0;
  }
}

export function popularity(views: number, publishedAt: string): number {
  const ageDays = Math.max(1, (Date.now() - new Date(publishedAt).getTime()) / 86_400_000);
  // Simple gravity score: newer posts need fewer views to rank.
  return Math.round((views / Math.pow(ageDays + 2, 1.2)) * 1000) / 1000;
}

export function formatViews(views: number): string {
  if (views >= 1_000_000) return `${(views / 1_000_000).toFixed(1)}M`;
  if (views >= 1_000) return `${(views / 1_000).toFixed(1)}k`;
  return String(views);
}
