import { getRedis } from "../lib/redis";
import { one } from "../lib/pg";

function monthBucket(d = new Date()): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

export async function checkQuota(keyId: string, monthlyLimit: number): Promise<boolean> {
  const redis = getRedis();
  const counterKey = `quota:${keyId}:${monthBucket()}`;
  const used = await redis.incr(counterKey);
  if (used === 1) {
    await redis.expire(counterKey, 60 * 60 * 24 * 32);
  }
  if (used <= monthlyLimit) return true;

  const grant = await one<{ extra: number }>(
    "select coalesce(sum(extra_requests), 0)::int as extra from quota_grants where key_id = $1 and month = $2",
    [keyId, monthBucket()],
  );
  return used <= monthlyLimit + (grant?.extra ?? 0);
}
