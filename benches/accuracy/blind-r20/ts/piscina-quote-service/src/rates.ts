import { Pool } from 'undici';

const RATE_ORIGINS: Record<string, string> = {
  eu: 'https://rates-eu.internal.example.com',
  us: 'https://rates-us.internal.example.com',
  apac: 'https://rates-apac.internal.example.com',
};

const regionPools = new Map<string, Pool>();

function ratesPool(region: string): Pool {
  const origin = RATE_ORIGINS[region] ?? RATE_ORIGINS.eu;
  let p = regionPools.get(origin);
  if (!p) {
    p = new Pool(origin, { connections: 4, keepAliveTimeout: 30_000 });
    regionPools.set(origin, p);
  }
  return p;
}

export async function fxRate(region: string, currency: string): Promise<number> {
  const { statusCode, body } = await ratesPool(region).request({
    method: 'GET',
    path: `/v1/fx/${encodeURIComponent(currency)}`,
  });
  if (statusCode !== 200) {
    await body.dump();
    throw new Error(`rates service returned ${statusCode}`);
  }
  const data = (await body.json()) as { rate: number };
  return data.rate;
}
