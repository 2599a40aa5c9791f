import type { MethodMapping } from "@open-rpc/server-js/build/router";
import type { Pool as PgPool } from "pg";
import type { Pool as HttpPool } from "undici";

export interface Deps {
  db: PgPool;
  pricing: HttpPool;
}

// Built once at start-up; each function runs once per JSON-RPC call.
export function makeMethods({ db, pricing }: Deps): MethodMapping {
  return {
    getStock: async (sku: string) => {
      const { rows } = await db.query<{ warehouse: string; on_hand: number }>(
        "SELECT warehouse, on_hand FROM stock_levels WHERE sku = $1 ORDER BY warehouse",
        [sku],
      );
      return rows;
    },

    reserveStock: async (sku: string, warehouse: string, qty: number, orderId: string) => {
      const client = await db.connect();
      try {
        await client.query("BEGIN");
        const { rows } = await client.query<{ on_hand: number }>(
          "SELECT on_hand FROM stock_levels WHERE sku = $1 AND warehouse = $2 FOR UPDATE",
          [sku, warehouse],
        );
        if (!rows[0] || rows[0].on_hand < qty) {
          await client.query("ROLLBACK");
          return { reserved: false, available: rows[0]?.on_hand ?? 0 };
        }
        await client.query(
          "UPDATE stock_levels SET on_hand = on_hand - $3 WHERE sku = $1 AND warehouse = $2",
          [sku, warehouse, qty],
        );
        await client.query(
          "INSERT INTO reservations (order_id, sku, warehouse, qty) VALUES ($1, $2, $3, $4)",
          [orderId, sku, warehouse, qty],
        );
        await client.query("COMMIT");
        return { reserved: true, available: rows[0].on_hand - qty };
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },

    quote: async (sku: string, qty: number) => {
      const { statusCode, body } = await pricing.request({
        method: "GET",
        path: `/v1/prices/${encodeURIComponent(sku)}?qty=${qty}`,
      });
      if (statusCode !== 200) {
        await body.dump();
        throw new Error(`pricing service returned ${statusCode}`);
      }
      return body.json();
    },
  };
}
