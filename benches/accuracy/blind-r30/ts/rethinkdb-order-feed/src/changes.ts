import r from "rethinkdb";
import type { Pool } from "undici";

export interface OrderDoc {
  id: string;
  partnerId: string;
  status: string;
  totalCents: number;
}

export interface Change {
  type: "add" | "change" | "remove" | "initial" | "state" | "uninitial";
  old_val: OrderDoc | null;
  new_val: OrderDoc | null;
}

export interface Deps {
  conn: r.Connection;
  webhooks: Pool;
}

// Built once in main; the returned function runs for every changefeed row.
export function makeChangeHandler({ conn, webhooks }: Deps) {
  return async function handleChange(change: Change): Promise<void> {
    if (change.type === "state" || change.type === "initial") return;
    const doc = change.new_val ?? change.old_val;
    if (!doc) return;
    if (change.old_val?.status === change.new_val?.status) return;

    const res = await webhooks.request({
      method: "POST",
      path: `/partners/${encodeURIComponent(doc.partnerId)}/order-events`,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ orderId: doc.id, type: change.type, status: doc.status }),
    });
    await res.body.dump();

    await r
      .table("order_events")
      .insert({
        orderId: doc.id,
        partnerId: doc.partnerId,
        status: doc.status,
        delivered: res.statusCode < 300,
        at: r.now(),
      })
      .run(conn);
  };
}
