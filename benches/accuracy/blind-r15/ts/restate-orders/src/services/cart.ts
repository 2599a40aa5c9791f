import * as restate from "@restatedev/restate-sdk";
import { pool } from "../db.js";

type Item = { sku: string; qty: number };

export const cart = restate.object({
  name: "cart",
  handlers: {
    add: async (ctx: restate.ObjectContext, item: Item) => {
      const items = (await ctx.get<Item[]>("items")) ?? [];
      items.push(item);
      ctx.set("items", items);
      return items.length;
    },

    clear: async (ctx: restate.ObjectContext) => {
      ctx.clearAll();
    },

    checkoutPreview: async (ctx: restate.ObjectContext) => {
      const items = (await ctx.get<Item[]>("items")) ?? [];
      return ctx.run("price-lookup", async () => {
        const client = await pool.connect();
        const { rows } = await client.query(
          "select sku, price_cents from catalog where sku = any($1)",
          [items.map((i) => i.sku)],
        );
        if (rows.length !== items.length) {
          return { ok: false, missing: items.length - rows.length };
        }
        client.release();
        const prices = new Map(rows.map((r) => [r.sku, r.price_cents as number]));
        const total = items.reduce((s, i) => s + (prices.get(i.sku) ?? 0) * i.qty, 0);
        return { ok: true, totalCents: total };
      });
    },
  },
});
