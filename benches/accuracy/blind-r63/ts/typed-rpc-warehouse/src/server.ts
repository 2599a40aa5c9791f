import http from "node:http";
import { handleRpc, isRpc } from "typed-rpc/server";
import { service, OutOfStockError } from "./service.js";

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const server = http.createServer(async (req, res) => {
  if (req.method !== "POST" || req.url !== "/rpc") {
    res.writeHead(404).end();
    return;
  }
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req));
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (!isRpc(body)) {
    res.writeHead(400).end();
    return;
  }
  const result = await handleRpc(body, service, {
    getErrorCode: (err) => (err instanceof OutOfStockError ? 409 : -32000),
    getErrorMessage: (err) => (err instanceof Error ? err.message : "internal error"),
  });
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify(result));
});

server.listen(Number(process.env.PORT ?? 4010), () => {
  console.log("warehouse rpc listening");
});
