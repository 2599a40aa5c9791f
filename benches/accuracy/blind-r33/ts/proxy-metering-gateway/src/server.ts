import http from "node:http";
import httpProxy from "http-proxy";
import { authenticate } from "./keys";
import { checkQuota } from "./metering/quota";
import { recordUsage } from "./metering/usage";

const proxy = httpProxy.createProxyServer({
  target: process.env.UPSTREAM_URL ?? "http://127.0.0.1:9000",
  xfwd: true,
  proxyTimeout: 30_000,
});

proxy.on("proxyRes", (proxyRes, req) => {
  const started = Number(req.headers["x-gw-start"] ?? Date.now());
  recordUsage({
    apiKeyId: String(req.headers["x-gw-key-id"] ?? "anonymous"),
    method: req.method ?? "GET",
    path: (req.url ?? "/").split("?")[0],
    status: proxyRes.statusCode ?? 0,
    durationMs: Date.now() - started,
  }).catch((err) => console.error("usage record failed", err));
});

proxy.on("error", (err, _req, res) => {
  console.error("upstream error", err.message);
  if (res instanceof http.ServerResponse && !res.headersSent) {
    res.writeHead(502, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "bad_gateway" }));
  }
});

const server = http.createServer(async (req, res) => {
  try {
    const key = await authenticate(req.headers["authorization"]);
    if (!key) {
      res.writeHead(401).end();
      return;
    }
    if (!(await checkQuota(key.id, key.monthlyLimit))) {
      res.writeHead(429, { "retry-after": "3600" }).end();
      return;
    }
    req.headers["x-gw-key-id"] = key.id;
    req.headers["x-gw-start"] = String(Date.now());
    proxy.web(req, res);
  } catch (err) {
    console.error(err);
    res.writeHead(500).end();
  }
});

server.listen(Number(process.env.PORT ?? 8080));
