import { Pool } from 'undici';

/** Carriers we have contracts with. Anything else is rejected before a client exists. */
const CARRIERS: Record<string, { origin: string; tokenEnv: string }> = {
  dhl: { origin: 'https://api-eu.dhl.com', tokenEnv: 'DHL_API_KEY' },
  ups: { origin: 'https://onlinetools.ups.com', tokenEnv: 'UPS_API_TOKEN' },
  postnl: { origin: 'https://api.postnl.nl', tokenEnv: 'POSTNL_API_KEY' },
};

const pools = new Map<string, Pool>();

export function isKnownCarrier(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(CARRIERS, code);
}

/** One keep-alive pool per carrier, created on first use and reused for every booking. */
export function carrierPool(code: string): Pool {
  if (!isKnownCarrier(code)) throw new Error(`unknown carrier ${code}`);
  let pool = pools.get(code);
  if (!pool) {
    pool = new Pool(CARRIERS[code].origin, { connections: 8, keepAliveTimeout: 20_000 });
    pools.set(code, pool);
  }
  return pool;
}

export interface Label {
  trackingNo: string;
  labelUrl: string;
}

export async function bookLabel(code: string, shipment: Record<string, unknown>): Promise<Label> {
  const { statusCode, body } = await carrierPool(code).request({
    method: 'POST',
    path: '/shipments/v1/labels',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${process.env[CARRIERS[code].tokenEnv] ?? ''}`,
    },
    body: JSON.stringify(shipment),
  });
  const json = (await body.json()) as { trackingNumber?: string; labelUrl?: string; message?: string };
  if (statusCode >= 300 || !json.trackingNumber) {
    throw new Error(`${code} label booking failed (${statusCode}): ${json.message ?? 'no tracking number'}`);
  }
  return { trackingNo: json.trackingNumber, labelUrl: json.labelUrl ?? '' };
}

/** Called when the NocoBase app stops or the plugin is disabled, so a restart starts clean. */
export async function closeCarriers(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.allSettled(all.map((p) => p.close()));
}
