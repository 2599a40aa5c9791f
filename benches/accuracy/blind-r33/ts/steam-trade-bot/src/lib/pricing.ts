import { cachedPrice, redis } from "./redis.js";

interface EconItem {
  market_hash_name: string;
  assetid: string;
}

export async function valueOf(items: EconItem[]): Promise<number> {
  let total = 0;
  for (const item of items) {
    let price = await cachedPrice(item.market_hash_name);
    if (price === null) {
      const url = new URL("https://steamcommunity.com/market/priceoverview/");
      url.searchParams.set("appid", "730");
      url.searchParams.set("currency", "1");
      url.searchParams.set("market_hash_name", item.market_hash_name);
      const res = await fetch(url);
      const body = (await res.json()) as { lowest_price?: string };
      price = Number((body.lowest_price ?? "$0").replace(/[^0-9.]/g, ""));
      await redis.set(`price:${item.market_hash_name}`, String(price), "EX", 900);
    }
    total += price;
  }
  return total;
}
