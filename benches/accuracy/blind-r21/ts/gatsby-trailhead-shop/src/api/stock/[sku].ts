import type { GatsbyFunctionRequest, GatsbyFunctionResponse } from "gatsby";
import { getInventoryPool, toBadge, type StockRow } from "../../lib/inventory";

const SKU_RE = /^[A-Z0-9-]{4,24}$/;

export default async function handler(
  req: GatsbyFunctionRequest<unknown>,
  res: GatsbyFunctionResponse,
) {
  if (req.method !== "GET") {
    res.setHeader("Allow", "GET");
    return res.status(405).json({ error: "method not allowed" });
  }

  const sku = String(req.params.sku ?? "").toUpperCase();
  if (!SKU_RE.test(sku)) {
    return res.status(400).json({ error: "bad sku" });
  }

  const pool = getInventoryPool();
  const { rows } = await pool.query<StockRow>(
    `SELECT sku, available, store_pickup, to_char(restock_eta, 'Mon DD') AS restock_eta
       FROM stock_levels WHERE sku = $1`,
    [sku],
  );

  res.setHeader("Cache-Control", "public, max-age=15");
  return res.json({ sku, ...toBadge(rows[0]), pickup: rows[0]?.store_pickup ?? false });
}

export const config = {
  bodyParser: { json: { limit: "1kb" } },
};
