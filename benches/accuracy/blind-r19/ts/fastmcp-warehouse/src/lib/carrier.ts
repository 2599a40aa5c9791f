import { Pool } from "undici";

const CARRIER_ORIGIN = process.env.CARRIER_API ?? "https://api.carrier.example.com";

export function carrierPool(): Pool {
  return new Pool(CARRIER_ORIGIN, {
    connections: 8,
    keepAliveTimeout: 30_000,
  });
}

export function carrierHeaders(): Record<string, string> {
  return {
    authorization: `Bearer ${process.env.CARRIER_TOKEN}`,
    "content-type": "application/json",
  };
}
