import { connect } from "couchbase";
import { z } from "zod";
import type { FastMCP } from "fastmcp";

interface StockDoc {
  sku: string;
  onHand: number;
  reserved: number;
  bin: string;
}

export function registerInventoryTools(server: FastMCP): void {
  server.addTool({
    name: "get_stock",
    description: "Look up on-hand and reserved quantities for a SKU",
    parameters: z.object({ sku: z.string().min(3) }),
    execute: async ({ sku }, { log }) => {
      const cluster = await connect(process.env.COUCHBASE_URL ?? "couchbase://127.0.0.1", {
        username: process.env.COUCHBASE_USER ?? "warehouse",
        password: process.env.COUCHBASE_PASSWORD ?? "",
      });
      const stock = cluster.bucket("inventory").scope("warehouse").collection("stock");
      log.info("fetching stock", { sku });
      const res = await stock.get(sku);
      const doc = res.content as StockDoc;
      return JSON.stringify({ ...doc, available: doc.onHand - doc.reserved });
    },
  });
}
