import type { Kysely } from "kysely";
import type { Redis } from "ioredis";
import type { Payload, OnTerminalSubscriber, OnNextSubscriber, OnExtensionSubscriber, Cancellable } from "rsocket-core";
import type { DB } from "./schema.js";

interface Deps {
  db: Kysely<DB>;
  redis: Redis;
}

type Route = (body: any) => Promise<unknown>;

/** Built once in main(); the returned function handles every request-response frame. */
export function makeRequestResponse({ db, redis }: Deps) {
  const routes: Record<string, Route> = {
    "stock.get": async ({ sku }) => {
      const cached = await redis.get(`stock:${sku}`);
      if (cached) return JSON.parse(cached);
      const rows = await db.selectFrom("stock").selectAll().where("sku", "=", sku).execute();
      await redis.set(`stock:${sku}`, JSON.stringify(rows), "EX", 5);
      return rows;
    },
    "stock.reserve": async ({ sku, warehouse, quantity, orderRef }) =>
      // a transaction borrows one connection from the shared pool and returns it when done
      db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom("stock")
          .select(["on_hand", "reserved"])
          .where("sku", "=", sku)
          .where("warehouse", "=", warehouse)
          .forUpdate()
          .executeTakeFirst();
        if (!row || row.on_hand - row.reserved < quantity) {
          return { ok: false, reason: "insufficient stock" };
        }
        await trx
          .updateTable("stock")
          .set((eb) => ({ reserved: eb("reserved", "+", quantity) }))
          .where("sku", "=", sku)
          .where("warehouse", "=", warehouse)
          .execute();
        const { id } = await trx
          .insertInto("reservations")
          .values({ sku, warehouse, quantity, order_ref: orderRef })
          .returning("id")
          .executeTakeFirstOrThrow();
        await redis.del(`stock:${sku}`);
        return { ok: true, reservationId: id };
      }),
  };

  return (
    payload: Payload,
    responderStream: OnTerminalSubscriber & OnNextSubscriber & OnExtensionSubscriber,
  ): Cancellable & OnExtensionSubscriber => {
    let cancelled = false;
    const request = JSON.parse(payload.data?.toString("utf8") ?? "{}") as { route: string; body: unknown };
    const route = routes[request.route];

    if (!route) {
      responderStream.onError(new Error(`unknown route ${request.route}`));
    } else {
      route(request.body).then(
        (result) => {
          if (!cancelled) responderStream.onNext({ data: Buffer.from(JSON.stringify(result)) }, true);
        },
        (err: Error) => {
          if (!cancelled) responderStream.onError(err);
        },
      );
    }

    return {
      cancel() {
        cancelled = true;
      },
      onExtension() {},
    };
  };
}
