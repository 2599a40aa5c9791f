import { quote_cents, supplier_stock, tax_rate_bp } from "./bindings/bindings.ts";

interface QuoteRequest {
  sku: string;
  qty: number;
  region: string;
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });
}

Deno.serve({ port: Number(Deno.env.get("PORT") ?? 8080) }, async (req) => {
  const url = new URL(req.url);

  if (req.method === "POST" && url.pathname === "/api/quote") {
    const body = (await req.json()) as QuoteRequest;
    const net = quote_cents(body.sku, body.qty);
    if (net < 0) return json({ error: "unknown sku" }, 404);
    const vat = tax_rate_bp(body.region);
    if (vat < 0) return json({ error: "unsupported region" }, 422);
    const gross = Math.round(Number(net) * (10000 + vat) / 10000);
    return json({ sku: body.sku, qty: body.qty, net_cents: Number(net), gross_cents: gross });
  }

  if (req.method === "GET" && url.pathname.startsWith("/api/stock/")) {
    const sku = decodeURIComponent(url.pathname.slice("/api/stock/".length));
    return json({ sku, supplier_available: supplier_stock(sku) });
  }

  return json({ error: "not found" }, 404);
});
