import { tool } from "@openai/agents";
import { z } from "zod";
import { Pool } from "pg";
import { Redis } from "ioredis";
import { makeSearchClient } from "./search.js";

const redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");

export const lookupOrder = tool({
  name: "lookup_order",
  description: "Fetch status, items and shipping info for an order number.",
  parameters: z.object({ orderNumber: z.string() }),
  async execute({ orderNumber }) {
    const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    try {
      const { rows } = await pool.query(
        `SELECT o.number, o.status, o.carrier, o.tracking_code, json_agg(i.sku) AS skus
           FROM orders o JOIN order_items i ON i.order_id = o.id
          WHERE o.number = $1
          GROUP BY o.id`,
        [orderNumber],
      );
      return rows[0] ?? { error: `no order ${orderNumber}` };
    } finally {
      await pool.end();
    }
  },
});

export const searchHelpCenter = tool({
  name: "search_help_center",
  description: "Full-text search over published help-center articles.",
  parameters: z.object({ query: z.string(), locale: z.string().default("en") }),
  async execute({ query, locale }) {
    const es = makeSearchClient();
    const result = await es.search<{ title: string; url: string; summary: string }>({
      index: `help-articles-${locale}`,
      size: 5,
      query: { multi_match: { query, fields: ["title^3", "body"] } },
    });
    return result.hits.hits.map((h) => h._source);
  },
});

export const rememberPreference = tool({
  name: "remember_preference",
  description: "Store a customer preference (e.g. contact channel) for future chats.",
  parameters: z.object({ customerId: z.string(), key: z.string(), value: z.string() }),
  async execute({ customerId, key, value }) {
    await redis.hset(`prefs:${customerId}`, key, value);
    return "saved";
  },
});
