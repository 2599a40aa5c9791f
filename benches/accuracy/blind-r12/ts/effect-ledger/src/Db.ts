import { Config, Context, Effect, Layer } from "effect";
import pg from "pg";

export class Db extends Context.Tag("ledger/Db")<Db, pg.Pool>() {}

// Layers are memoised: this pool is built once when the runtime starts and
// pool.end() runs when the scope closes on shutdown.
export const DbLive = Layer.scoped(
  Db,
  Effect.gen(function* () {
    const url = yield* Config.string("DATABASE_URL");
    return yield* Effect.acquireRelease(
      Effect.sync(() => new pg.Pool({ connectionString: url, max: 10 })),
      (pool) => Effect.promise(() => pool.end()),
    );
  }),
);

/** Borrow one pooled connection for a unit of work and always hand it back. */
export const withClient = <A>(f: (client: pg.PoolClient) => Promise<A>) =>
  Effect.gen(function* () {
    const pool = yield* Db;
    return yield* Effect.acquireUseRelease(
      Effect.promise(() => pool.connect()),
      (client) => Effect.promise(() => f(client)),
      (client) => Effect.sync(() => client.release()),
    );
  });
