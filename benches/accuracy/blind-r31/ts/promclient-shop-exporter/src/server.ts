import { createServer } from "node:http";
import { collectDefaultMetrics, register } from "prom-client";
import "./metrics/orders.js";
import "./metrics/payments.js";
import "./metrics/queue.js";
import "./metrics/cache.js";

collectDefaultMetrics({ prefix: "shop_exporter_" });

// Prometheus scrapes /metrics every 15s; register.metrics() runs every
// metric's collect() on each scrape.
createServer(async (req, res) => {
  if (req.url !== "/metrics") {
    res.writeHead(404).end();
    return;
  }
  try {
    const body = await register.metrics();
    res.writeHead(200, { "content-type": register.contentType }).end(body);
  } catch (err) {
    res.writeHead(500).end(String(err));
  }
}).listen(Number(process.env.PORT ?? 9464));
