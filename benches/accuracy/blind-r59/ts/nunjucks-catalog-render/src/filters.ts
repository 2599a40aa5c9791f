import nunjucks from "nunjucks";
import Redis from "ioredis";
import { Pool } from "pg";

type Callback<T> = (err: Error | null, result?: T) => void;

interface ReviewRow {
  author: string;
  body: string;
  rating: number;
}

const moneyFormatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string): Intl.NumberFormat {
  let fmt = moneyFormatters.get(currency);
  if (!fmt) {
    fmt = new Intl.NumberFormat("en-GB", { style: "currency", currency });
    moneyFormatters.set(currency, fmt);
  }
  return fmt;
}

// Called once from server.ts while configuring the environment.
export function registerFilters(env: nunjucks.Environment, pool: Pool): void {
  env.addFilter("money", (cents: number, currency: string) => {
    return formatterFor(currency ?? "GBP").format(cents / 100);
  });

  env.addFilter(
    "stockLevel",
    async (sku: string, cb: Callback<string>) => {
      try {
        const stock = new Redis(process.env.STOCK_REDIS_URL ?? "redis://localhost:6379/2");
        const raw = await stock.hget("stock:levels", sku);
        const qty = raw === null ? 0 : Number(raw);
        if (qty <= 0) return cb(null, "Out of stock");
        cb(null, qty < 5 ? `Only ${qty} left` : "In stock");
      } catch (err) {
        cb(err as Error);
      }
    },
    true,
  );

  env.addFilter(
    "reviews",
    async (productId: string, limit: number, cb: Callback<ReviewRow[]>) => {
      try {
        const client = await pool.connect();
        const { rows } = await client.query<ReviewRow>(
          `SELECT author, body, rating
             FROM reviews
            WHERE product_id = $1 AND approved
            ORDER BY created_at DESC
            LIMIT $2`,
          [productId, limit],
        );
        if (rows.length === 0) {
          return cb(null, []);
        }
        client.release();
        cb(null, rows);
      } catch (err) {
        cb(err as Error);
      }
    },
    true,
  );
}
