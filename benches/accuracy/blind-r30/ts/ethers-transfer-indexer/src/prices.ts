import pg from "pg";

// Price snapshots live in the same indexer database (table token_prices).
const pricePool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 5,
});

export interface PriceRow {
  symbol: string;
  usd: string;
  observed_at: Date;
}

export async function latestPrice(symbol: string): Promise<PriceRow | null> {
  const { rows } = await pricePool.query<PriceRow>(
    "SELECT symbol, usd, observed_at FROM token_prices WHERE symbol = $1 ORDER BY observed_at DESC LIMIT 1",
    [symbol],
  );
  return rows[0] ?? null;
}

export async function recordPrice(symbol: string, usd: string): Promise<void> {
  await pricePool.query(
    "INSERT INTO token_prices (symbol, usd, observed_at) VALUES ($1, $2, now())",
    [symbol, usd],
  );
}
