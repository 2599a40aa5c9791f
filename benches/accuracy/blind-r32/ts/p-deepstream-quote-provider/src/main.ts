import { DeepstreamClient } from "@deepstream/client";
import { registerQuoteProviders } from "./providers/quotes.js";
import { registerStockProviders } from "./providers/stock.js";
import { redis } from "./db.js";

async function main() {
  const client = new DeepstreamClient(process.env.DEEPSTREAM_URL ?? "ws://localhost:6020/deepstream");
  await client.login({ username: "quote-provider", password: process.env.DS_PASSWORD });

  registerQuoteProviders(client);
  registerStockProviders(client);

  client.event.subscribe("inventory/changed", async (data: any) => {
    await redis.del(`stock:${data.sku}`);
  });

  process.on("SIGTERM", () => {
    client.close();
    redis.disconnect();
  });
}

main().catch((err) => {
  console.error("provider failed", err);
  process.exit(1);
});
