import { Redis } from 'ioredis';
import { MeiliSearch, type Index } from 'meilisearch';

// One Redis connection for the process, created when this module is first imported.
export const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
  maxRetriesPerRequest: 3,
});

let meili: MeiliSearch | undefined;

/** Lazily created on first use, then reused for every later call. */
export function recipeIndex(): Index {
  if (!meili) {
    meili = new MeiliSearch({
      host: process.env.MEILI_URL ?? 'http://127.0.0.1:7700',
      apiKey: process.env.MEILI_MASTER_KEY,
    });
  }
  return meili.index('recipes');
}
