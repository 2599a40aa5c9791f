#!/usr/bin/env node
import { FastMCP } from "fastmcp";
import { registerInventoryTools } from "@tools/inventory";
import { registerShippingTools } from "@tools/shipping";
import { registerOrderTools } from "@tools/orders";

const server = new FastMCP({
  name: "warehouse",
  version: "0.3.0",
});

registerInventoryTools(server);
registerShippingTools(server);
registerOrderTools(server);

server.start({ transportType: "stdio" });
