import { Subscription, Topic } from "encore.dev/pubsub";
import { db } from "./db";
import { searchClientFor } from "./clients";

export interface ProductChanged {
  tenant: string;
  productId: number;
}

export const productChanged = new Topic<ProductChanged>("product-changed", {
  deliveryGuarantee: "at-least-once",
});

// Registered once at load time; the handler runs per published event.
export const _ = new Subscription(productChanged, "reindex-product", {
  handler: async ({ tenant, productId }) => {
    const row = await db.queryRow<{ sku: string; title: string; description: string; price_cents: number }>`
      SELECT sku, title, description, price_cents FROM products WHERE id = ${productId} AND tenant = ${tenant}
    `;
    const es = searchClientFor(tenant);
    if (!row) {
      await es.delete({ index: "products", id: String(productId) }, { ignore: [404] });
      return;
    }
    await es.index({ index: "products", id: String(productId), document: row });
  },
});
