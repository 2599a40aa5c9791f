import { Pool } from "undici";

// Invoicing service runs one deployment per data-residency region.
const REGION_ORIGINS: Record<string, string> = {
  eu: process.env.INVOICING_EU_URL ?? "https://invoicing.eu.internal.example.com",
  us: process.env.INVOICING_US_URL ?? "https://invoicing.us.internal.example.com",
  ap: process.env.INVOICING_AP_URL ?? "https://invoicing.ap.internal.example.com",
};

const pools = new Map<string, Pool>();

/**
 * One keep-alive pool per region, created on first use. The set of regions is
 * fixed by REGION_ORIGINS, so this map never holds more than three pools.
 */
export function invoicingPool(region: string): Pool {
  const origin = REGION_ORIGINS[region];
  if (!origin) throw new Error(`no invoicing deployment for region ${region}`);
  let pool = pools.get(region);
  if (!pool) {
    pool = new Pool(origin, { connections: 8, keepAliveTimeout: 30_000 });
    pools.set(region, pool);
  }
  return pool;
}

export async function reportOverage(region: string, apiKeyId: string, units: number): Promise<void> {
  const { statusCode, body } = await invoicingPool(region).request({
    method: "POST",
    path: "/v1/overages",
    headers: { "content-type": "application/json", authorization: `Bearer ${process.env.INVOICING_TOKEN}` },
    body: JSON.stringify({ apiKeyId, units, at: new Date().toISOString() }),
  });
  await body.dump();
  if (statusCode >= 300) throw new Error(`invoicing ${region} answered ${statusCode}`);
}

export async function closeRegionPools(): Promise<void> {
  await Promise.all([...pools.values()].map((p) => p.close()));
  pools.clear();
}
