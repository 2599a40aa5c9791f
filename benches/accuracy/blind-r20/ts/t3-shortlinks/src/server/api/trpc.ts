import { initTRPC, TRPCError } from "@trpc/server";
import Redis from "ioredis";
import superjson from "superjson";
import { ZodError } from "zod";

import { env } from "~/env";
import { db } from "~/server/db";
import { analytics } from "~/server/analytics";

export const createTRPCContext = async (opts: { headers: Headers }) => {
  return {
    db,
    analytics,
    ip: opts.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "unknown",
    userId: opts.headers.get("x-user-id"),
    ...opts,
  };
};

const t = initTRPC.context<typeof createTRPCContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: {
        ...shape.data,
        zodError: error.cause instanceof ZodError ? error.cause.flatten() : null,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

const rateLimit = t.middleware(async ({ ctx, path, next }) => {
  const redis = new Redis(env.REDIS_URL);
  const key = `rl:${path}:${ctx.ip}`;
  const hits = await redis.incr(key);
  if (hits === 1) await redis.expire(key, 60);
  if (hits > 30) {
    throw new TRPCError({ code: "TOO_MANY_REQUESTS" });
  }
  return next();
});

export const publicProcedure = t.procedure;
export const limitedProcedure = t.procedure.use(rateLimit);

export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.userId) throw new TRPCError({ code: "UNAUTHORIZED" });
  return next({ ctx: { ...ctx, userId: ctx.userId } });
});
