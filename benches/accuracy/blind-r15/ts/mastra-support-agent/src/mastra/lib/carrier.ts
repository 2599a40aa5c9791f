import { Pool } from "undici";

export function carrierPool(): Pool {
  return new Pool(process.env.CARRIER_API_ORIGIN ?? "https://api.shipfast.example", {
    connections: 8,
    pipelining: 1,
    keepAliveTimeout: 30_000,
  });
}

export async function trackingEvents(pool: Pool, trackingNo: string) {
  const { statusCode, body } = await pool.request({
    method: "GET",
    path: `/v2/tracking/${encodeURIComponent(trackingNo)}`,
    headers: { authorization: `Bearer ${process.env.CARRIER_API_KEY}` },
  });
  if (statusCode !== 200) {
    await body.dump();
    throw new Error(`carrier API returned ${statusCode}`);
  }
  return (await body.json()) as { events: { at: string; status: string; location?: string }[] };
}
