import { Client } from "@elastic/elasticsearch";
import warehouse from "../../warehouse.app.mjs";
import { fetchProduct, available, toPrice } from "../../common/db.mjs";

export default {
  key: "warehouse-index-product",
  name: "Index Product",
  description: "Push the current product, price and availability into the storefront search index.",
  version: "0.0.4",
  type: "action",
  props: {
    warehouse,
    sku: { propDefinition: [warehouse, "sku"] },
    refresh: {
      type: "boolean",
      label: "Wait for refresh",
      optional: true,
      default: false,
    },
  },
  async run({ $ }) {
    const product = await fetchProduct(this.sku);
    if (!product) {
      throw new Error(`SKU ${this.sku} not found`);
    }
    const leadTimeDays = await this.warehouse.getLeadTime($, this.sku);

    const es = new Client({
      node: process.env.ELASTIC_URL,
      auth: { apiKey: process.env.ELASTIC_API_KEY },
      requestTimeout: 15_000,
    });
    const response = await es.index({
      index: "storefront-products",
      id: product.sku,
      document: {
        sku: product.sku,
        title: product.title,
        brand: product.brand,
        price: toPrice(product.price_cents),
        tags: String(product.tags ?? "").split(",").filter(Boolean),
        available: available(product),
        leadTimeDays,
        indexedAt: new Date().toISOString(),
      },
      refresh: this.refresh ? "wait_for" : false,
    });

    $.export("$summary", `Indexed ${product.sku} (${response.result})`);
    return response;
  },
};
