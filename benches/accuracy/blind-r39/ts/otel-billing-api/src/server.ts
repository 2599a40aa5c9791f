import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

import { findCustomer } from "./db.js";
import { createInvoice, listInvoices, type InvoiceLine } from "./invoices.js";

async function readJson<T>(req: IncomingMessage): Promise<T> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as T;
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const match = url.pathname.match(/^\/customers\/([\w-]+)(\/invoices)?$/);
  try {
    if (!match) return send(res, 404, { error: "not found" });
    const [, customerId, invoices] = match;

    const customer = await findCustomer(customerId!);
    if (!customer) return send(res, 404, { error: "unknown customer" });

    if (!invoices && req.method === "GET") return send(res, 200, customer);
    if (invoices && req.method === "GET") return send(res, 200, await listInvoices(customerId!));
    if (invoices && req.method === "POST") {
      const { lines } = await readJson<{ lines: InvoiceLine[] }>(req);
      return send(res, 201, { id: await createInvoice(customerId!, lines) });
    }
    send(res, 405, { error: "method not allowed" });
  } catch (err) {
    console.error(err);
    send(res, 500, { error: "internal" });
  }
});

server.listen(Number(process.env.PORT ?? 8080));
