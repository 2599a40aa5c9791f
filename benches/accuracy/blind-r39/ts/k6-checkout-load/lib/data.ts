import sql from "k6/x/sql";
import driver from "k6/x/sql/driver/postgres";

// Init context: k6 evaluates this module once per VU (plus once for setup/teardown),
// so each VU holds exactly one database handle for the whole test.
export const db = sql.open(driver, __ENV.DATABASE_URL);

export interface Sku {
  sku: string;
  price_cents: number;
}

export function loadSkus(limit: number): Sku[] {
  return db.query(
    "SELECT sku, price_cents FROM products WHERE active AND stock > 100 ORDER BY random() LIMIT $1;",
    limit,
  ) as unknown as Sku[];
}

export function orderCount(runTag: string): number {
  const rows = db.query("SELECT count(*)::int AS n FROM orders WHERE client_tag = $1;", runTag);
  return Number((rows[0] as { n: number }).n);
}
