import { HttpRouter, HttpServerRequest, HttpServerResponse } from "@effect/platform";
import { Effect, Schema } from "effect";
import { Cache } from "./Cache.js";
import { Db, withClient } from "./Db.js";

const Transfer = Schema.Struct({
  from: Schema.String,
  to: Schema.String,
  amountCents: Schema.Int.pipe(Schema.positive()),
});

const getBalance = Effect.gen(function* () {
  const { id } = yield* HttpRouter.params;
  const cache = yield* Cache;
  const cached = yield* Effect.promise(() => cache.get(`balance:${id}`));
  if (cached !== null) return yield* HttpServerResponse.json({ id, balanceCents: Number(cached), cached: true });

  const pool = yield* Db;
  const { rows } = yield* Effect.promise(() =>
    pool.query<{ balance_cents: string }>("SELECT balance_cents FROM accounts WHERE id = $1", [id]),
  );
  if (rows.length === 0) return HttpServerResponse.empty({ status: 404 });
  yield* Effect.promise(() => cache.set(`balance:${id}`, rows[0].balance_cents, "EX", 30));
  return yield* HttpServerResponse.json({ id, balanceCents: Number(rows[0].balance_cents), cached: false });
});

const postTransfer = Effect.gen(function* () {
  const body = yield* HttpServerRequest.schemaBodyJson(Transfer);
  const cache = yield* Cache;
  const journalId = yield* withClient(async (client) => {
    await client.query("BEGIN");
    try {
      await client.query("UPDATE accounts SET balance_cents = balance_cents - $2 WHERE id = $1", [body.from, body.amountCents]);
      await client.query("UPDATE accounts SET balance_cents = balance_cents + $2 WHERE id = $1", [body.to, body.amountCents]);
      const { rows } = await client.query<{ id: string }>(
        "INSERT INTO journal (from_account, to_account, amount_cents) VALUES ($1, $2, $3) RETURNING id",
        [body.from, body.to, body.amountCents],
      );
      await client.query("COMMIT");
      return rows[0].id;
    } catch (err) {
      await client.query("ROLLBACK");
      throw err;
    }
  });
  yield* Effect.promise(() => cache.del(`balance:${body.from}`, `balance:${body.to}`));
  return yield* HttpServerResponse.json({ journalId }, { status: 201 });
});

export const router = HttpRouter.empty.pipe(
  HttpRouter.get("/accounts/:id/balance", getBalance),
  HttpRouter.post("/transfers", postTransfer),
  HttpRouter.get("/healthz", HttpServerResponse.text("ok")),
);
