import { HttpMiddleware, HttpServer } from "@effect/platform";
import { NodeHttpServer, NodeRuntime } from "@effect/platform-node";
import { Duration, Effect, Layer, Schedule } from "effect";
import { createServer } from "node:http";
import { CacheLive } from "./Cache.js";
import { Db, DbLive } from "./Db.js";
import { router } from "./Http.js";

// Background reconciliation: runs every minute inside the app scope, using the
// same pool the HTTP handlers use.
const Reconciler = Layer.scopedDiscard(
  Effect.gen(function* () {
    const pool = yield* Db;
    const reconcile = Effect.promise(() =>
      pool.query(
        "UPDATE journal SET reconciled_at = now() WHERE reconciled_at IS NULL AND created_at < now() - interval '5 minutes'",
      ),
    ).pipe(
      Effect.tap((r) => Effect.logInfo(`reconciled ${r.rowCount} journal rows`)),
      Effect.catchAllCause(Effect.logError),
    );
    yield* Effect.forkScoped(reconcile.pipe(Effect.repeat(Schedule.spaced(Duration.minutes(1)))));
  }),
);

const HttpLive = router.pipe(
  HttpServer.serve(HttpMiddleware.logger),
  HttpServer.withLogAddress,
  Layer.provide(NodeHttpServer.layer(createServer, { port: Number(process.env.PORT ?? 3000) })),
);

const MainLive = Layer.mergeAll(HttpLive, Reconciler).pipe(Layer.provide(Layer.merge(DbLive, CacheLive)));

NodeRuntime.runMain(Layer.launch(MainLive));
