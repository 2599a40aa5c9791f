import { Pool } from 'undici';

/**
 * One keep-alive pool per liquidity provider origin. Providers are configured
 * per currency pair, so the set of origins is small and fixed per deployment.
 */
const pools = new Map<string, Pool>();

export function providerPool(origin: string): Pool {
  let pool = pools.get(origin);
  if (!pool) {
    pool = new Pool(origin, {
      connections: 8,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      headersTimeout: 2_000,
      bodyTimeout: 2_000,
    });
    pools.set(origin, pool);
  }
  return pool;
}

export interface ProviderQuote {
  pair: string;
  bid: number;
  ask: number;
  ts: number;
}

export async function fetchQuote(origin: string, pair: string, apiKey: string): Promise<ProviderQuote> {
  const { statusCode, body } = await providerPool(origin).request({
    method: 'GET',
    path: `/v1/quotes/${encodeURIComponent(pair)}`,
    headers: { 'x-api-key': apiKey, accept: 'application/json' },
  });
  if (statusCode !== 200) {
    await body.dump();
    throw new Error(`provider ${origin} answered ${statusCode} for ${pair}`);
  }
  return (await body.json()) as ProviderQuote;
}

export async function closeProviderPools(): Promise<void> {
  await Promise.all([...pools.values()].map((p) => p.close()));
  pools.clear();
}
