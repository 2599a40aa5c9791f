import pg from "pg";
import { z } from "zod";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { pool, pgConfig } from "../db.js";

export function registerStockTools(server: McpServer) {
  server.tool(
    "lookup_sku",
    "Return on-hand quantity per warehouse for a SKU",
    { sku: z.string().min(3) },
    async ({ sku }) => {
      const client = new pg.Client(pgConfig);
      await client.connect();
      try {
        const { rows } = await client.query(
          "select warehouse_code, on_hand, reserved from stock_levels where sku = $1",
          [sku],
        );
        return {
          content: [{ type: "text", text: JSON.stringify(rows, null, 2) }],
        };
      } finally {
        await client.end();
      }
    },
  );

  server.tool(
    "reserve_stock",
    "Reserve units of a SKU in a warehouse for an order",
    {
      sku: z.string(),
      warehouse: z.string().length(3),
      quantity: z.number().int().positive(),
      orderId: z.string(),
    },
    async ({ sku, warehouse, quantity, orderId }) => {
      const conn = await pool.connect();
      await conn.query("begin");
      const { rows } = await conn.query(
        "select on_hand - reserved as free from stock_levels where sku = $1 and warehouse_code = $2 for update",
        [sku, warehouse],
      );
      if (!rows.length || rows[0].free < quantity) {
        await conn.query("rollback");
        return {
          isError: true,
          content: [{ type: "text", text: `Not enough stock for ${sku} in ${warehouse}` }],
        };
      }
      await conn.query(
        "update stock_levels set reserved = reserved + $3 where sku = $1 and warehouse_code = $2",
        [sku, warehouse, quantity],
      );
      await conn.query(
        "insert into reservations (order_id, sku, warehouse_code, quantity) values ($1, $2, $3, $4)",
        [orderId, sku, warehouse, quantity],
      );
      await conn.query("commit");
      conn.release();
      return { content: [{ type: "text", text: `Reserved ${quantity} x ${sku}` }] };
    },
  );

  server.tool(
    "low_stock_report",
    "List SKUs under their reorder point",
    { limit: z.number().int().max(200).default(50) },
    async ({ limit }) => {
      const { rows } = await pool.query(
        "select sku, warehouse_code, on_hand, reorder_point from stock_levels where on_hand < reorder_point order by on_hand limit $1",
        [limit],
      );
      return { content: [{ type: "text", text: JSON.stringify(rows) }] };
    },
  );
}
