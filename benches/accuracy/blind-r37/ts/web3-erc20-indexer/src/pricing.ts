import { Pool } from "undici";

const DECIMALS: Record<string, number> = JSON.parse(process.env.TOKEN_DECIMALS ?? "{}");

// Price in USD for `amount` base units of `token`, or null when the oracle
// doesn't know the token.
export async function usdValue(token: string, amount: bigint): Promise<number | null> {
  const oracle = new Pool(process.env.PRICE_API_ORIGIN ?? "https://prices.internal", {
    connections: 4,
    keepAliveTimeout: 30_000,
  });

  const { statusCode, body } = await oracle.request({
    method: "GET",
    path: `/v1/spot?token=${token.toLowerCase()}`,
    headers: { accept: "application/json" },
  });
  if (statusCode === 404) {
    await body.dump();
    return null;
  }
  const { usd } = (await body.json()) as { usd: number };
  const decimals = DECIMALS[token.toLowerCase()] ?? 18;
  return (Number(amount) / 10 ** decimals) * usd;
}
