import { Client } from "@elastic/elasticsearch";
import { request } from "undici";
import { z } from "zod";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";

const SUPPLIER_API = process.env.SUPPLIER_API_URL ?? "https://suppliers.internal.example.com";

export function registerSearchTools(server: McpServer) {
  server.tool(
    "search_products",
    "Full-text search over the product catalogue",
    { query: z.string(), size: z.number().int().max(50).default(10) },
    async ({ query, size }) => {
      const es = new Client({
        node: process.env.ELASTIC_URL,
        auth: { apiKey: process.env.ELASTIC_API_KEY ?? "" },
      });
      const result = await es.search<{ sku: string; title: string }>({
        index: "products",
        size,
        query: { multi_match: { query, fields: ["title^3", "description", "sku"] } },
      });
      const hits = result.hits.hits.map((h) => h._source);
      return { content: [{ type: "text", text: JSON.stringify(hits) }] };
    },
  );

  server.tool(
    "supplier_lead_time",
    "Ask the supplier API for the current lead time of a SKU",
    { sku: z.string() },
    async ({ sku }) => {
      // undici.request uses the global dispatcher: no per-call pool
      const { statusCode, body } = await request(`${SUPPLIER_API}/v2/lead-times/${encodeURIComponent(sku)}`, {
        headers: { authorization: `Bearer ${process.env.SUPPLIER_TOKEN}` },
      });
      if (statusCode !== 200) {
        await body.dump();
        return { isError: true, content: [{ type: "text", text: `supplier API returned ${statusCode}` }] };
      }
      const data = (await body.json()) as { days: number };
      return { content: [{ type: "text", text: `${sku}: ${data.days} days` }] };
    },
  );
}
