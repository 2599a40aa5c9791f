import type { IncomingHttpHeaders, ServerHttp2Stream } from 'node:http2';
import type { Deps } from './clients.js';
import { fetchQuote, type ProviderQuote } from './upstreams.js';

export interface ProviderConfig {
  apiKey: string;
  originForPair: (pair: string) => string;
}

interface TradeRequest {
  accountId: string;
  pair: string;
  side: 'buy' | 'sell';
  amount: number;
  quotedRate: number;
}

const QUOTE_TTL_MS = 750;

async function readJson<T>(stream: ServerHttp2Stream): Promise<T> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as T;
}

function send(stream: ServerHttp2Stream, status: number, payload: unknown): void {
  if (stream.destroyed) return;
  stream.respond({ ':status': status, 'content-type': 'application/json', 'cache-control': 'no-store' });
  stream.end(JSON.stringify(payload));
}

export function makeStreamHandler(deps: Deps, providers: ProviderConfig) {
  async function quote(pair: string): Promise<ProviderQuote> {
    const cached = await deps.redis.get(`fx:quote:${pair}`);
    if (cached) return JSON.parse(cached) as ProviderQuote;
    const fresh = await fetchQuote(providers.originForPair(pair), pair, providers.apiKey);
    await deps.redis.set(`fx:quote:${pair}`, JSON.stringify(fresh), 'PX', QUOTE_TTL_MS);
    return fresh;
  }

  async function bookTrade(trade: TradeRequest): Promise<{ tradeId: string }> {
    const current = await quote(trade.pair);
    const rate = trade.side === 'buy' ? current.ask : current.bid;
    if (Math.abs(rate - trade.quotedRate) / rate > 0.002) {
      throw Object.assign(new Error('rate moved'), { status: 409 });
    }

    const client = await deps.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO trades (account_id, pair, side, amount, rate, booked_at)
         VALUES ($1, $2, $3, $4, $5, now()) RETURNING id`,
        [trade.accountId, trade.pair, trade.side, trade.amount, rate],
      );
      await client.query(
        'UPDATE accounts SET exposure = exposure + $2 WHERE id = $1',
        [trade.accountId, trade.side === 'buy' ? trade.amount : -trade.amount],
      );
      await client.query('COMMIT');
      return { tradeId: rows[0].id };
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  }

  return async function onStream(stream: ServerHttp2Stream, headers: IncomingHttpHeaders): Promise<void> {
    const method = headers[':method'];
    const url = new URL(headers[':path'] ?? '/', 'https://fx.internal');

    try {
      if (method === 'GET' && url.pathname.startsWith('/quotes/')) {
        const pair = decodeURIComponent(url.pathname.slice('/quotes/'.length)).toUpperCase();
        send(stream, 200, await quote(pair));
      } else if (method === 'POST' && url.pathname === '/trades') {
        const trade = await readJson<TradeRequest>(stream);
        send(stream, 201, await bookTrade(trade));
      } else if (method === 'GET' && url.pathname === '/healthz') {
        await deps.pool.query('SELECT 1');
        send(stream, 200, { ok: true });
      } else {
        send(stream, 404, { error: 'not found' });
      }
    } catch (err) {
      const status = (err as { status?: number }).status ?? 502;
      send(stream, status, { error: (err as Error).message });
    }
  };
}
