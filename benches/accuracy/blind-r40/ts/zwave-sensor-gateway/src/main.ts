import { Driver, type ZWaveNode } from "zwave-js";
import { pool } from "./db.js";
import { onValueUpdated, onNodeDead } from "./handlers.js";

const port = process.env.ZWAVE_PORT ?? "/dev/ttyACM0";

const driver = new Driver(port, {
  securityKeys: {
    S0_Legacy: Buffer.from(process.env.ZWAVE_S0_KEY ?? "", "hex"),
    S2_Unauthenticated: Buffer.from(process.env.ZWAVE_S2_UNAUTH_KEY ?? "", "hex"),
    S2_Authenticated: Buffer.from(process.env.ZWAVE_S2_AUTH_KEY ?? "", "hex"),
  },
  storage: { cacheDir: process.env.ZWAVE_CACHE_DIR ?? "/var/lib/zwave-gateway" },
});

function attach(node: ZWaveNode): void {
  // zwave-js emits "value updated" for every report a device sends
  node.on("value updated", onValueUpdated);
  node.on("dead", onNodeDead);
}

driver.on("error", (err) => console.error("driver error", err));

driver.once("driver ready", () => {
  for (const node of driver.controller.nodes.values()) attach(node);
  driver.controller.on("node added", (node) => attach(node));
  console.log(`driver ready, ${driver.controller.nodes.size} nodes`);
});

async function shutdown(): Promise<void> {
  await driver.destroy();
  await pool.end();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);

await driver.start();
