import { factories } from '@strapi/strapi';
import Redis from 'ioredis';

const SUMMARY_TTL_SECONDS = 300;

interface RatingSummary {
  productId: string;
  count: number;
  average: number;
  histogram: Record<number, number>;
}

export default factories.createCoreService('api::review.review', ({ strapi }) => ({
  async ratingSummary(productId: string): Promise<RatingSummary> {
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const cacheKey = `review-summary:${productId}`;

    const cached = await redis.get(cacheKey);
    if (cached) {
      return JSON.parse(cached) as RatingSummary;
    }

    const reviews: Array<{ rating: number }> = await strapi.db
      .query('api::review.review')
      .findMany({ where: { productId }, select: ['rating'] });

    const histogram: Record<number, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
    let total = 0;
    for (const { rating } of reviews) {
      histogram[rating] = (histogram[rating] ?? 0) + 1;
      total += rating;
    }

    const summary: RatingSummary = {
      productId,
      count: reviews.length,
      average: reviews.length ? Math.round((total / reviews.length) * 10) / 10 : 0,
      histogram,
    };
    await redis.set(cacheKey, JSON.stringify(summary), 'EX', SUMMARY_TTL_SECONDS);
    return summary;
  },
}));
