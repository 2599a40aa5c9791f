import { api, APIError } from "encore.dev/api";
import { CronJob } from "encore.dev/cron";
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { db } from "./db";
import { images, searchClientFor } from "./clients";
import { productChanged } from "./events";

interface Product {
  id: number;
  sku: string;
  title: string;
  priceCents: number;
  imageUrl?: string;
}

export const get = api(
  { expose: true, method: "GET", path: "/tenants/:tenant/products/:id" },
  async ({ tenant, id }: { tenant: string; id: number }): Promise<Product> => {
    const row = await db.queryRow<{ id: number; sku: string; title: string; price_cents: number; image_key: string | null }>`
      SELECT id, sku, title, price_cents, image_key FROM products WHERE tenant = ${tenant} AND id = ${id}
    `;
    if (!row) throw APIError.notFound("product not found");
    const imageUrl = row.image_key
      ? await getSignedUrl(images(), new GetObjectCommand({ Bucket: process.env.IMAGE_BUCKET, Key: row.image_key }), {
          expiresIn: 600,
        })
      : undefined;
    return { id: row.id, sku: row.sku, title: row.title, priceCents: row.price_cents, imageUrl };
  },
);

export const updatePrice = api(
  { expose: true, method: "PUT", path: "/tenants/:tenant/products/:id/price" },
  async ({ tenant, id, priceCents }: { tenant: string; id: number; priceCents: number }): Promise<void> => {
    await db.exec`
      UPDATE products SET price_cents = ${priceCents}, updated_at = now() WHERE tenant = ${tenant} AND id = ${id}
    `;
    await productChanged.publish({ tenant, productId: id });
  },
);

export const search = api(
  { expose: true, method: "GET", path: "/tenants/:tenant/search" },
  async ({ tenant, q }: { tenant: string; q: string }): Promise<{ hits: unknown[] }> => {
    const res = await searchClientFor(tenant).search({
      index: "products",
      query: { multi_match: { query: q, fields: ["title^2", "description", "sku"] } },
      size: 20,
    });
    return { hits: res.hits.hits.map((h) => h._source) };
  },
);

export const pruneStale = api({ expose: false }, async (): Promise<{ deleted: number }> => {
  const rows = db.query<{ id: number; tenant: string }>`
    DELETE FROM products WHERE updated_at < now() - interval '2 years' RETURNING id, tenant
  `;
  let deleted = 0;
  for await (const row of rows) {
    await productChanged.publish({ tenant: row.tenant, productId: row.id });
    deleted++;
  }
  return { deleted };
});

const _prune = new CronJob("prune-stale-products", {
  title: "Delete products untouched for two years",
  schedule: "0 3 * * *",
  endpoint: pruneStale,
});
