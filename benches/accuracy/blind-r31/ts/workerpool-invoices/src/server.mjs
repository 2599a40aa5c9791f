import { createServer } from "node:http";
import workerpool from "workerpool";

// Four long-lived worker threads; each loads render-worker.mjs once.
const pool = workerpool.pool(new URL("./render-worker.mjs", import.meta.url).pathname, {
  minWorkers: 4,
  maxWorkers: 4,
  workerType: "thread",
});

const server = createServer(async (req, res) => {
  const match = req.url?.match(/^\/invoices\/(\d+)\/pdf$/);
  if (req.method !== "POST" || !match) {
    res.writeHead(404).end();
    return;
  }
  try {
    const { key, bytes } = await pool.exec("renderInvoice", [Number(match[1])]).timeout(30_000);
    res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ key, bytes }));
  } catch (err) {
    console.error(err);
    res.writeHead(500).end("render failed");
  }
});

server.listen(Number(process.env.PORT ?? 3100));

process.on("SIGTERM", async () => {
  server.close();
  await pool.terminate();
  process.exit(0);
});
