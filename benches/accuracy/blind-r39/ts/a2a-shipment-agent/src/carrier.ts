import { Pool } from "undici";

const CARRIER_ORIGIN = process.env.CARRIER_API_ORIGIN ?? "https://api.carrier.example";

export function carrierClient(): Pool {
  return new Pool(CARRIER_ORIGIN, {
    connections: 8,
    keepAliveTimeout: 30_000,
  });
}

export interface TrackingInfo {
  status: "in_transit" | "out_for_delivery" | "delivered" | "exception";
  eta?: string;
  lastScan?: string;
}

export async function track(carrier: Pool, trackingNo: string): Promise<TrackingInfo> {
  const { statusCode, body } = await carrier.request({
    method: "GET",
    path: `/v2/track/${encodeURIComponent(trackingNo)}`,
    headers: { authorization: `Bearer ${process.env.CARRIER_TOKEN}` },
  });
  if (statusCode !== 200) {
    await body.dump();
    throw new Error(`carrier returned ${statusCode}`);
  }
  return (await body.json()) as TrackingInfo;
}
