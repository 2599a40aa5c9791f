import { Pool } from 'undici';

/** HTTP client for a marketplace partner that wants order notifications. */
export function partnerClient(origin: string): Pool {
  return new Pool(origin, {
    connections: 8,
    keepAliveTimeout: 30_000,
    headersTimeout: 10_000,
  });
}

export async function notifyPartner(client: Pool, path: string, payload: unknown): Promise<void> {
  const { statusCode, body } = await client.request({
    path,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shop-signature': process.env.PARTNER_SIGNATURE ?? '' },
    body: JSON.stringify(payload),
  });
  await body.dump();
  if (statusCode >= 400) {
    throw new Error(`partner ${path} answered ${statusCode}`);
  }
}
