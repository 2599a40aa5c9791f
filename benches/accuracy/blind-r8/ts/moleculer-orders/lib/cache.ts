import Redis from "ioredis";

export interface OrderCache {
	client: Redis;
	ttlSeconds: number;
}

// Builds a cache handle for the order read-model.
export function createOrderCache(ttlSeconds = 60): OrderCache {
	const client = new Redis(process.env.REDIS_URL || "redis://localhost:6379/2", {
		maxRetriesPerRequest: 2,
		enableAutoPipelining: true,
	});
	return { client, ttlSeconds };
}

export async function readThrough<T>(
	cache: OrderCache,
	key: string,
	load: () => Promise<T>,
): Promise<T> {
	const hit = await cache.client.get(key);
	if (hit) return JSON.parse(hit) as T;
	const value = await load();
	await cache.client.set(key, JSON.stringify(value), "EX", cache.ttlSeconds);
	return value;
}
