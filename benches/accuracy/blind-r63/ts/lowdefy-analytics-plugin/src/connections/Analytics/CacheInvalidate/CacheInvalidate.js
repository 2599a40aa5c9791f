import Redis from 'ioredis';
import schema from './schema.js';

async function CacheInvalidate({ request, connection }) {
  if (!connection.redisUrl) {
    return { removed: 0 };
  }
  const redis = new Redis(connection.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    const pattern = `lowdefy:analytics:${request.dashboard}:*`;
    let cursor = '0';
    let removed = 0;
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 200);
      cursor = next;
      if (keys.length > 0) {
        removed += await redis.del(...keys);
      }
    } while (cursor !== '0');
    return { removed };
  } finally {
    await redis.quit();
  }
}

CacheInvalidate.schema = schema;
CacheInvalidate.meta = {
  checkRead: false,
  checkWrite: true,
};

export default CacheInvalidate;
