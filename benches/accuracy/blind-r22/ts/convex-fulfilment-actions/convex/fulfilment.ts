"use node";

import { action, internalAction } from "./_generated/server";
import { internal } from "./_generated/api";
import { v } from "convex/values";
import { Pool } from "pg";
import Redis from "ioredis";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";

// Node actions may run in a reused module instance, so the S3 client lives here.
const s3 = new S3Client({
  region: process.env.AWS_REGION ?? "eu-west-1",
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID!,
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY!,
  },
});

const ARCHIVE_BUCKET = process.env.ORDER_ARCHIVE_BUCKET ?? "orders-archive";

export const pushOrderToWarehouse = action({
  args: { orderId: v.id("orders") },
  handler: async (ctx, { orderId }): Promise<string> => {
    const order = await ctx.runQuery(internal.orders.getForFulfilment, { orderId });
    if (!order) {
      throw new Error(`order ${orderId} is not ready for fulfilment`);
    }

    const warehouse = new Pool({
      connectionString: process.env.WAREHOUSE_DATABASE_URL,
      max: 4,
      ssl: { rejectUnauthorized: false },
    });

    const { rows } = await warehouse.query<{ id: string }>(
      `INSERT INTO outbound_orders (external_ref, recipient, address_line1, city, postcode, country, lines)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
       ON CONFLICT (external_ref) DO UPDATE SET lines = EXCLUDED.lines
       RETURNING id`,
      [
        orderId,
        order.shippingAddress.name,
        order.shippingAddress.line1,
        order.shippingAddress.city,
        order.shippingAddress.postcode,
        order.shippingAddress.country,
        JSON.stringify(order.lines),
      ],
    );

    const warehouseRef = rows[0].id;
    await ctx.runMutation(internal.orders.markPushed, { orderId, warehouseRef });
    return warehouseRef;
  },
});

export const syncStock = internalAction({
  args: {},
  handler: async (ctx) => {
    const skus = await ctx.runQuery(internal.orders.trackedSkus, {});
    if (skus.length === 0) return { updated: 0 };

    const cache = new Redis(process.env.WAREHOUSE_REDIS_URL!, {
      maxRetriesPerRequest: 2,
      enableAutoPipelining: true,
    });

    const values = await cache.mget(...skus.map((sku) => `stock:${sku}`));
    const levels = skus
      .map((sku, i) => ({ sku, available: Number(values[i] ?? NaN) }))
      .filter((l) => Number.isFinite(l.available));

    await ctx.runMutation(internal.orders.upsertStock, { levels });
    await cache.quit();
    return { updated: levels.length };
  },
});

export const archiveShipped = internalAction({
  args: {},
  handler: async (ctx) => {
    const cutoff = Date.now() - 90 * 24 * 60 * 60 * 1000;
    const orders = await ctx.runQuery(internal.orders.listShippedBefore, { before: cutoff });

    for (const order of orders) {
      await s3.send(
        new PutObjectCommand({
          Bucket: ARCHIVE_BUCKET,
          Key: `orders/${new Date(order._creationTime).getUTCFullYear()}/${order._id}.json`,
          Body: JSON.stringify(order),
          ContentType: "application/json",
        }),
      );
      await ctx.runMutation(internal.orders.markArchived, { orderId: order._id });
    }
    return { archived: orders.length };
  },
});
