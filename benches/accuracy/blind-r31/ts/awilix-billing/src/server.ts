import { createServer, type IncomingMessage } from "node:http";
import { asValue } from "awilix";
import { buildContainer } from "./container.js";

const container = buildContainer();

async function readJson(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {};
}

const server = createServer(async (req, res) => {
  const tenantId = String(req.headers["x-tenant-id"] ?? "");
  if (!tenantId) {
    res.writeHead(400).end("missing x-tenant-id");
    return;
  }

  const scope = container.createScope();
  scope.register({ tenantId: asValue(tenantId) });

  try {
    const url = new URL(req.url ?? "/", "http://localhost");
    const service = scope.resolve("invoiceService");
    const match = url.pathname.match(/^\/customers\/([^/]+)\/invoices(?:\/([^/]+)\/pay)?$/);

    if (req.method === "GET" && match && !match[2]) {
      const invoices = await service.openInvoices(match[1]);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(invoices));
    } else if (req.method === "POST" && match && match[2]) {
      const body = await readJson(req);
      await service.pay(match[1], match[2], Number(body.amountCents), String(body.reference));
      res.writeHead(204).end();
    } else {
      res.writeHead(404).end();
    }
  } catch (err) {
    console.error(err);
    res.writeHead(500).end("internal error");
  } finally {
    await scope.dispose();
  }
});

server.listen(Number(process.env.PORT ?? 3000), () => {
  console.log("billing api listening");
});
