import { Redis } from "ioredis";

const LABEL_TTL_SECONDS = 600;

// Small helper around the label cache so handlers can ask
// "does this repo already have label X" without hitting the API every time.
export function labelCache() {
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", {
    maxRetriesPerRequest: 2,
  });

  return {
    async known(repo: string): Promise<string[] | null> {
      const raw = await redis.get(`labels:${repo}`);
      return raw ? (JSON.parse(raw) as string[]) : null;
    },
    async remember(repo: string, labels: string[]): Promise<void> {
      await redis.set(`labels:${repo}`, JSON.stringify(labels), "EX", LABEL_TTL_SECONDS);
    },
  };
}
