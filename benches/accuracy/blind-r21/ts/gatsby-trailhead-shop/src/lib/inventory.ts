import { Pool } from "pg";

export interface StockRow {
  sku: string;
  available: number;
  store_pickup: boolean;
  restock_eta: string | null;
}

export function getInventoryPool(): Pool {
  return new Pool({
    connectionString: process.env.INVENTORY_DATABASE_URL,
    max: 3,
    ssl: process.env.NODE_ENV === "production" ? { rejectUnauthorized: false } : undefined,
  });
}

export function toBadge(row: StockRow | undefined): { label: string; tone: "ok" | "low" | "out" } {
  if (!row || row.available <= 0) {
    return { label: row?.restock_eta ? `Back ${row.restock_eta}` : "Sold out", tone: "out" };
  }
  if (row.available < 5) {
    return { label: `Only ${row.available} left`, tone: "low" };
  }
  return { label: "In stock", tone: "ok" };
}

// Product pages link variants as e.g. "tent-2p-green"; inventory uses "TENT-2P-GRN".
const COLOUR_CODES: Record<string, string> = { green: "GRN", orange: "ORG", blue: "BLU", black: "BLK" };

export function normalizeSku(slug: string): string {
  return slug
    .split("-")
    .map((part) => COLOUR_CODES[part.toLowerCase()] ?? part)
    .join("-")
    .toUpperCase();
}
