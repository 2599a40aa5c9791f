import pg from 'pg';
import type { Trade } from 'ccxt';

const { Client } = pg;

const COLUMNS = ['exchange_trade_id', 'symbol', 'side', 'price', 'amount', 'cost', 'traded_at'];

function connectionConfig(): pg.ClientConfig {
  return {
    connectionString: process.env.DATABASE_URL,
    application_name: 'ccxt-trade-recorder',
    statement_timeout: 5_000,
  };
}

function toRow(symbol: string, t: Trade): unknown[] {
  return [
    t.id ?? `${t.timestamp}-${t.price}-${t.amount}`,
    symbol,
    t.side,
    t.price,
    t.amount,
    t.cost ?? (t.price ?? 0) * (t.amount ?? 0),
    new Date(t.timestamp ?? Date.now()),
  ];
}

/**
 * Persist one batch of trades as returned by watchTrades().
 * Called from the trades loop every time the websocket delivers new trades.
 */
export async function saveTrades(symbol: string, trades: Trade[]): Promise<number> {
  const client = new Client(connectionConfig());
  await client.connect();

  const params: unknown[] = [];
  const tuples: string[] = [];
  for (const trade of trades) {
    const row = toRow(symbol, trade);
    const base = params.length;
    tuples.push(`(${row.map((_, i) => `$${base + i + 1}`).join(', ')})`);
    params.push(...row);
  }

  const result = await client.query(
    `INSERT INTO trades (${COLUMNS.join(', ')})
     VALUES ${tuples.join(', ')}
     ON CONFLICT (symbol, exchange_trade_id) DO NOTHING`,
    params,
  );
  return result.rowCount ?? 0;
}
