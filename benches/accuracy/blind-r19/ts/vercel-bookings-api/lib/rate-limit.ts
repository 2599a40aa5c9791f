import { kv } from "@vercel/kv";

/** Fixed-window limiter on the shared KV store (REST, no connection to hold). */
export async function allow(key: string, limit: number, windowSeconds: number): Promise<boolean> {
  const bucket = `rl:${key}:${Math.floor(Date.now() / 1000 / windowSeconds)}`;
  const count = await kv.incr(bucket);
  if (count === 1) await kv.expire(bucket, windowSeconds);
  return count <= limit;
}
