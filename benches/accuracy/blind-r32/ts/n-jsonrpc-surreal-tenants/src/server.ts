import http from "node:http";
import { JSONRPCServer } from "json-rpc-2.0";
import { registerMethods, type RpcContext } from "./methods.js";
import { closeAll } from "./tenants.js";
import { memcache } from "./cache.js";

const rpc = new JSONRPCServer<RpcContext>();
registerMethods(rpc);

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const server = http.createServer(async (req, res) => {
  if (req.method !== "POST" || req.url !== "/rpc") {
    res.writeHead(404).end();
    return;
  }
  const tenant = String(req.headers["x-tenant"] ?? "");
  try {
    const payload = JSON.parse(await readBody(req));
    const response = await rpc.receive(payload, { tenant });
    if (response) {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(response));
    } else {
      res.writeHead(204).end();
    }
  } catch {
    res.writeHead(400).end();
  }
});

server.listen(Number(process.env.PORT ?? 4100), () => console.log("inventory rpc listening"));

process.on("SIGTERM", () => {
  server.close(async () => {
    await closeAll();
    memcache.close();
    process.exit(0);
  });
});
