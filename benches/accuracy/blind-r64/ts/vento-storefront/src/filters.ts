import pg from "pg";
import type vento from "ventojs";
import { pool, redis } from "./db.js";

type Environment = ReturnType<typeof vento>;

const currency = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });

export function registerFilters(env: Environment): void {
  // {{ product.sku |> await price }}
  env.filters.price = async (sku: string) => {
    const cached = await redis.get(`price:${sku}`);
    if (cached) return currency.format(Number(cached));
    const { rows } = await pool.query<{ amount: string }>(
      "SELECT amount FROM prices WHERE sku = $1 AND valid_to IS NULL",
      [sku],
    );
    if (!rows[0]) return "";
    await redis.set(`price:${sku}`, rows[0].amount, "EX", 60);
    return currency.format(Number(rows[0].amount));
  };

  // {{ variant.sku |> await stock }} -- live warehouse availability
  env.filters.stock = async (sku: string) => {
    const inventory = new pg.Client({ connectionString: process.env.INVENTORY_DATABASE_URL });
    await inventory.connect();
    try {
      const { rows } = await inventory.query<{ on_hand: number }>(
        "SELECT coalesce(sum(on_hand), 0)::int AS on_hand FROM stock_levels WHERE sku = $1",
        [sku],
      );
      const n = rows[0]?.on_hand ?? 0;
      return n > 10 ? "In stock" : n > 0 ? `Only ${n} left` : "Out of stock";
    } finally {
      await inventory.end();
    }
  };

  env.filters.thumb = (url: string, width = 480) => `${url}?w=${width}&fm=webp`;
}
