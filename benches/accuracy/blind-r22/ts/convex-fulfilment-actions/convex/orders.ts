import { internalMutation, internalQuery, query } from "./_generated/server";
import { v } from "convex/values";

export const listPaid = query({
  args: {},
  handler: async (ctx) => {
    return await ctx.db
      .query("orders")
      .withIndex("by_status", (q) => q.eq("status", "paid"))
      .order("desc")
      .take(50);
  },
});

export const getForFulfilment = internalQuery({
  args: { orderId: v.id("orders") },
  handler: async (ctx, { orderId }) => {
    const order = await ctx.db.get(orderId);
    if (!order || order.status !== "paid") return null;
    return order;
  },
});

export const markPushed = internalMutation({
  args: { orderId: v.id("orders"), warehouseRef: v.string() },
  handler: async (ctx, { orderId, warehouseRef }) => {
    await ctx.db.patch(orderId, { status: "pushed", warehouseRef });
  },
});

export const markArchived = internalMutation({
  args: { orderId: v.id("orders") },
  handler: async (ctx, { orderId }) => {
    await ctx.db.patch(orderId, { status: "archived" });
  },
});

export const upsertStock = internalMutation({
  args: {
    levels: v.array(v.object({ sku: v.string(), available: v.number() })),
  },
  handler: async (ctx, { levels }) => {
    const now = Date.now();
    for (const level of levels) {
      const existing = await ctx.db
        .query("stockLevels")
        .withIndex("by_sku", (q) => q.eq("sku", level.sku))
        .unique();
      if (existing) {
        await ctx.db.patch(existing._id, { available: level.available, updatedAt: now });
      } else {
        await ctx.db.insert("stockLevels", { ...level, updatedAt: now });
      }
    }
  },
});

export const trackedSkus = internalQuery({
  args: {},
  handler: async (ctx) => {
    const rows = await ctx.db.query("stockLevels").collect();
    return rows.map((r) => r.sku);
  },
});

export const listShippedBefore = internalQuery({
  args: { before: v.number() },
  handler: async (ctx, { before }) => {
    const shipped = await ctx.db
      .query("orders")
      .withIndex("by_status", (q) => q.eq("status", "shipped"))
      .collect();
    return shipped.filter((o) => o._creationTime < before).slice(0, 200);
  },
});
