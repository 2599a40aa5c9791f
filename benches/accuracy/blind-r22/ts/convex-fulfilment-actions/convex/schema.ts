import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  orders: defineTable({
    customerEmail: v.string(),
    status: v.union(
      v.literal("paid"),
      v.literal("pushed"),
      v.literal("shipped"),
      v.literal("archived"),
    ),
    lines: v.array(
      v.object({
        sku: v.string(),
        quantity: v.number(),
        unitPriceCents: v.number(),
      }),
    ),
    shippingAddress: v.object({
      name: v.string(),
      line1: v.string(),
      city: v.string(),
      postcode: v.string(),
      country: v.string(),
    }),
    warehouseRef: v.optional(v.string()),
  }).index("by_status", ["status"]),

  stockLevels: defineTable({
    sku: v.string(),
    available: v.number(),
    updatedAt: v.number(),
  }).index("by_sku", ["sku"]),
});
