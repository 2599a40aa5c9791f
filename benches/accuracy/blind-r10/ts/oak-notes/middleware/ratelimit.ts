import type { Context, Next } from "@oak/oak";
import { connect } from "redis";

const WINDOW_SECONDS = 60;
const MAX_REQUESTS = 120;

export async function rateLimit(ctx: Context, next: Next) {
  const redis = await connect({
    hostname: Deno.env.get("REDIS_HOST") ?? "127.0.0.1",
    port: Number(Deno.env.get("REDIS_PORT") ?? 6379),
  });

  const bucket = Math.floor(Date.now() / 1000 / WINDOW_SECONDS);
  const key = `rl:${ctx.request.ip}:${bucket}`;
  const count = await redis.incr(key);
  if (count === 1) {
    await redis.expire(key, WINDOW_SECONDS);
  }

  if (count > MAX_REQUESTS) {
    ctx.response.status = 429;
    ctx.response.body = { error: "too many requests" };
    return;
  }

  ctx.response.headers.set("x-ratelimit-remaining", String(MAX_REQUESTS - count));
  await next();
}
