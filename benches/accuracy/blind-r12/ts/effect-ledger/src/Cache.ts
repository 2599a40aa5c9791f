import { Config, Context, Effect, Layer } from "effect";
import { Redis } from "ioredis";

export class Cache extends Context.Tag("ledger/Cache")<Cache, Redis>() {}

export const CacheLive = Layer.scoped(
  Cache,
  Effect.gen(function* () {
    const url = yield* Config.string("REDIS_URL").pipe(Config.withDefault("redis://localhost:6379"));
    return yield* Effect.acquireRelease(
      Effect.sync(() => new Redis(url)),
      (redis) => Effect.promise(() => redis.quit()),
    );
  }),
);
