import { createServer } from "node:http";
import { setup } from "rivetkit";
import { usageMeter } from "./actors/meter.js";
import { getPool } from "./db.js";
import { closeRegionPools } from "./regions.js";

export const registry = setup({
  use: { usageMeter },
});

registry.start();

// Liveness/readiness probe for the Kubernetes deployment, separate from the
// actor manager's own port.
const health = createServer(async (req, res) => {
  if (req.url !== "/healthz") {
    res.writeHead(404).end();
    return;
  }
  try {
    await getPool().query("SELECT 1");
    res.writeHead(200, { "content-type": "text/plain" }).end("ok");
  } catch (err) {
    res.writeHead(503, { "content-type": "text/plain" }).end(`db: ${(err as Error).message}`);
  }
});
health.listen(Number(process.env.HEALTH_PORT ?? 9091));

async function shutdown() {
  health.close();
  await closeRegionPools();
  await getPool().end();
  process.exit(0);
}

process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
