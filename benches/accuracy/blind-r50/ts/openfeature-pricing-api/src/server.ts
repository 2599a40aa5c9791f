import { createServer } from "node:http";
import { OpenFeature } from "@openfeature/server-sdk";
import pg from "pg";
import { recordQuote } from "./audit.js";
import { PgFlagProvider } from "./provider.js";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

await OpenFeature.setProviderAndWait(new PgFlagProvider(pool));
const flags = OpenFeature.getClient("pricing-api");

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (req.method !== "GET" || url.pathname !== "/quote") {
    res.writeHead(404).end();
    return;
  }
  const userId = String(req.headers["x-user-id"] ?? "anonymous");
  const sku = url.searchParams.get("sku") ?? "";
  const ctx = { targetingKey: userId, tenant: String(req.headers["x-tenant"] ?? "") };

  try {
    if (!(await flags.getBooleanValue("quotes-enabled", true, ctx))) {
      res.writeHead(503).end("quotes disabled");
      return;
    }
    const variant = await flags.getStringValue("pricing-model", "list", ctx);
    const discount = await flags.getNumberValue("max-discount-pct", 0, ctx);
    const { rows } = await pool.query("SELECT list_price FROM products WHERE sku = $1", [sku]);
    if (rows.length === 0) {
      res.writeHead(404).end();
      return;
    }
    const price = Number(rows[0].list_price) * (variant === "discounted" ? 1 - discount / 100 : 1);
    await recordQuote(userId, sku, price, variant);
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ sku, price, variant }));
  } catch (err) {
    console.error(err);
    res.writeHead(500).end();
  }
});

server.listen(Number(process.env.PORT ?? 8080));

process.on("SIGTERM", async () => {
  server.close();
  await OpenFeature.close();
  await pool.end();
});
