import { createServer } from "node:http";
import { GrowthBook } from "@growthbook/growthbook";
import pg from "pg";
import { cartCache, closeCaches } from "./tenants.js";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 12 });

let featuresPayload: Record<string, unknown> = { features: {} };
async function refreshFeatures(): Promise<void> {
  const res = await fetch(`${process.env.GROWTHBOOK_API_HOST}/api/features/${process.env.GROWTHBOOK_CLIENT_KEY}`);
  if (res.ok) featuresPayload = (await res.json()) as Record<string, unknown>;
}
await refreshFeatures();
const refreshTimer = setInterval(() => refreshFeatures().catch(console.error), 60_000);

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const tenant = String(req.headers["x-tenant"] ?? "");
  const userId = String(req.headers["x-user-id"] ?? "anon");

  // Per-request evaluation context, as in the GrowthBook server-side docs; no connection involved.
  const gb = new GrowthBook({
    attributes: { id: userId, tenant, path: url.pathname },
    trackingCallback: (experiment, result) =>
      console.log(JSON.stringify({ exp: experiment.key, variation: result.key, userId })),
  });
  gb.initSync({ payload: featuresPayload, streaming: false });
  res.on("close", () => gb.destroy());

  try {
    if (req.method === "GET" && url.pathname === "/cart") {
      const items = await cartCache(tenant).hgetall(`cart:${userId}`);
      const client = await pool.connect();
      try {
        const { rows } = await client.query(
          "SELECT sku, name, price FROM products WHERE tenant = $1 AND sku = ANY($2)",
          [tenant, Object.keys(items)],
        );
        const showBadges = gb.isOn("cart-badges");
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ items: rows.map((r) => ({ ...r, qty: Number(items[r.sku]), badge: showBadges })) }));
      } finally {
        client.release();
      }
      return;
    }
    res.writeHead(404).end();
  } catch (err) {
    console.error(err);
    res.writeHead(500).end();
  }
});

server.listen(Number(process.env.PORT ?? 8080));

process.on("SIGTERM", () => {
  clearInterval(refreshTimer);
  server.close(async () => {
    await closeCaches();
    await pool.end();
  });
});
