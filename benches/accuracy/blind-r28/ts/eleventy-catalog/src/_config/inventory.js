import { Client } from "@elastic/elasticsearch";
import { closePool, getPool, stockLevels } from "../_lib/db.js";

const SEARCH_KEY = Symbol.for("acme.catalog.search");

function searchClient() {
  globalThis[SEARCH_KEY] ??= new Client({
    node: process.env.CATALOG_SEARCH_URL ?? "http://localhost:9200",
    auth: { apiKey: process.env.CATALOG_SEARCH_API_KEY ?? "" },
  });
  return globalThis[SEARCH_KEY];
}

export default function inventoryPlugin(eleventyConfig, { lowStockThreshold = 5, searchIndex }) {
  // Per-build memo so each SKU is looked up once even when the shortcode appears on
  // listing pages and product pages alike.
  let levels = new Map();

  eleventyConfig.on("eleventy.before", async () => {
    const { rows } = await getPool().query("SELECT sku FROM products WHERE published");
    levels = await stockLevels(rows.map((row) => row.sku));
  });

  eleventyConfig.addAsyncShortcode("stock", async function (sku) {
    if (!levels.has(sku)) {
      const fresh = await stockLevels([sku]);
      levels.set(sku, fresh.get(sku) ?? 0);
    }
    const available = levels.get(sku);
    if (available === 0) return `<span class="stock stock--out">Sold out</span>`;
    if (available <= lowStockThreshold) return `<span class="stock stock--low">Only ${available} left</span>`;
    return `<span class="stock stock--in">In stock</span>`;
  });

  eleventyConfig.on("eleventy.after", async ({ runMode, results }) => {
    const pages = results.filter((page) => page.url?.startsWith("/products/"));
    const { rows } = await getPool().query(
      "SELECT sku, title, summary, category, price_cents FROM products WHERE published",
    );
    await searchClient().helpers.bulk({
      datasource: rows.map((row) => ({ ...row, available: levels.get(row.sku) ?? 0 })),
      onDocument: (doc) => ({ index: { _index: searchIndex, _id: doc.sku } }),
      refreshOnCompletion: true,
    });
    console.log(`[catalog] ${pages.length} product pages, ${rows.length} documents indexed`);

    // A one-shot `eleventy` build exits afterwards: release connections so the process can end.
    // In --serve/--watch mode the same pool and client are reused by the next rebuild.
    if (runMode === "build") {
      await closePool();
      await globalThis[SEARCH_KEY]?.close();
      globalThis[SEARCH_KEY] = undefined;
    }
  });
}
