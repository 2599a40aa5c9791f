import type { DeepstreamClient } from "@deepstream/client";
import mysql from "mysql2/promise";
import { dbConfig, redis } from "../db.js";

type QuoteRequest = { sku: string; qty: number; customerGroup?: string };

async function basePrice(sku: string): Promise<number | null> {
  const cached = await redis.get(`price:${sku}`);
  if (cached) return Number(cached);

  const conn = await mysql.createConnection(dbConfig);
  const [rows] = await conn.query<mysql.RowDataPacket[]>(
    "SELECT price_cents FROM products WHERE sku = ? AND active = 1",
    [sku],
  );
  if (rows.length === 0) return null;
  await redis.set(`price:${sku}`, String(rows[0].price_cents), "EX", 300);
  return rows[0].price_cents;
}

export function registerQuoteProviders(client: DeepstreamClient) {
  client.rpc.provide("quotes/price", async (data: any, response) => {
    const req = data as QuoteRequest;
    try {
      const price = await basePrice(req.sku);
      if (price === null) {
        response.error("unknown-sku");
        return;
      }
      const discount = req.customerGroup === "wholesale" && req.qty >= 50 ? 0.12 : 0;
      response.send({ sku: req.sku, qty: req.qty, totalCents: Math.round(price * req.qty * (1 - discount)) });
    } catch (err) {
      response.error(String(err));
    }
  });
}
