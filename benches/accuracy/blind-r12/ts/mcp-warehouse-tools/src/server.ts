#!/usr/bin/env node
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { pool } from "./db.js";
import { registerSearchTools } from "./tools/search.js";
import { registerStockTools } from "./tools/stock.js";

const server = new McpServer({ name: "warehouse-tools", version: "0.3.0" });

registerStockTools(server);
registerSearchTools(server);

async function main() {
  const transport = new StdioServerTransport();
  await server.connect(transport);
  process.on("SIGINT", async () => {
    await pool.end();
    process.exit(0);
  });
}

main().catch((err) => {
  console.error("warehouse-tools failed", err);
  process.exit(1);
});
