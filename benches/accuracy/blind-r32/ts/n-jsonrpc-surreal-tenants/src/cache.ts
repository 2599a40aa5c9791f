import memjs from "memjs";

// Shared memcached client (module scope, one per process).
export const memcache = memjs.Client.create(process.env.MEMCACHIER_SERVERS ?? "127.0.0.1:11211", {
  expires: 120,
  retries: 1,
});

export async function cached<T>(key: string, ttl: number, load: () => Promise<T>): Promise<T> {
  const hit = await memcache.get(key);
  if (hit.value) return JSON.parse(hit.value.toString()) as T;
  const value = await load();
  await memcache.set(key, JSON.stringify(value), { expires: ttl });
  return value;
}
