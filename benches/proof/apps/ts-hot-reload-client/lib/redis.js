// The app's Redis client, built at module scope (seed 004: "Hot reload Next.js creating new
// connections without closing the old ones", there with Prisma).
import Redis from "ioredis";

export const redis = new Redis(process.env.REDIS_URL);
