import { Pool } from "postgres";
import { connect, type Redis } from "redis";

export const pool = new Pool(Deno.env.get("DATABASE_URL") ?? "postgres://notes@localhost:5432/notes", 8, true);

let redisPromise: Promise<Redis> | null = null;

export function cache(): Promise<Redis> {
  if (redisPromise === null) {
    redisPromise = connect({
      hostname: Deno.env.get("REDIS_HOST") ?? "127.0.0.1",
      port: Number(Deno.env.get("REDIS_PORT") ?? 6379),
    });
  }
  return redisPromise;
}
