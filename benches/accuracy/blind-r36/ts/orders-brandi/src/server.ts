import { createServer, type IncomingMessage } from "node:http";
import { container } from "./container.js";
import { TOKENS } from "./tokens.js";

async function readJson(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {};
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://internal");
  const match = url.pathname.match(/^\/orders\/([\w-]+)(\/status)?$/);
  if (!match) {
    res.writeHead(404).end();
    return;
  }
  const service = container.get(TOKENS.orderService);
  try {
    if (req.method === "GET" && !match[2]) {
      const order = await service.get(match[1]);
      res.writeHead(order ? 200 : 404, { "content-type": "application/json" });
      res.end(JSON.stringify(order ?? { error: "not found" }));
      return;
    }
    if (req.method === "POST" && match[2]) {
      const { status } = await readJson(req);
      const order = await service.transition(match[1], status);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(order));
      return;
    }
    res.writeHead(405).end();
  } catch (err) {
    console.error(err);
    res.writeHead(500).end();
  }
});

const { port } = container.get(TOKENS.config);
server.listen(port, () => console.log(`orders listening on ${port}`));
