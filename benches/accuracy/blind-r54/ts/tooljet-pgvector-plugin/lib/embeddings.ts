import { createHash } from 'crypto';
import Redis from 'ioredis';
import { EmbeddingResponse, SourceOptions } from './types';

// One Redis client per data source (keyed by id + last update), reused by every query.
const redisByDataSource = new Map<string, Redis>();

function cacheClient(sourceOptions: SourceOptions, dataSourceId: string, updatedAt: string): Redis | null {
  if (!sourceOptions.cache_redis_url) return null;
  const key = `${dataSourceId}:${updatedAt}`;
  let client = redisByDataSource.get(key);
  if (!client) {
    for (const [oldKey, old] of redisByDataSource) {
      if (oldKey.startsWith(`${dataSourceId}:`)) {
        old.disconnect();
        redisByDataSource.delete(oldKey);
      }
    }
    client = new Redis(sourceOptions.cache_redis_url, { maxRetriesPerRequest: 2, lazyConnect: true });
    redisByDataSource.set(key, client);
  }
  return client;
}

export async function embed(
  text: string,
  sourceOptions: SourceOptions,
  dataSourceId: string,
  updatedAt: string
): Promise<number[]> {
  const redis = cacheClient(sourceOptions, dataSourceId, updatedAt);
  const cacheKey = `emb:${sourceOptions.embeddings_model}:${createHash('sha256').update(text).digest('hex')}`;
  if (redis) {
    const hit = await redis.get(cacheKey);
    if (hit) return JSON.parse(hit);
  }

  const res = await fetch(sourceOptions.embeddings_api_url, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${sourceOptions.embeddings_api_key}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ model: sourceOptions.embeddings_model, input: text }),
  });
  if (!res.ok) {
    throw new Error(`Embeddings API returned ${res.status}: ${await res.text()}`);
  }
  const body = (await res.json()) as EmbeddingResponse;
  const vector = body.data[0].embedding;

  if (redis) {
    await redis.set(cacheKey, JSON.stringify(vector), 'EX', sourceOptions.cache_ttl_seconds ?? 86400);
  }
  return vector;
}
