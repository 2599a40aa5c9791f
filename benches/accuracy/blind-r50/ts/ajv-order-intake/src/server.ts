import { createServer, type IncomingMessage } from "node:http";
import Ajv from "ajv";
import { db } from "./db.js";
import { validateOrder } from "./keywords.js";

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
}

const server = createServer(async (req, res) => {
  if (req.method !== "POST" || req.url !== "/orders") {
    res.writeHead(404).end();
    return;
  }
  try {
    const body = (await validateOrder(await readJson(req))) as {
      email: string;
      sku: string;
      quantity: number;
    };
    const row = await db
      .insertInto("orders")
      .values({ customer_email: body.email, sku: body.sku, quantity: body.quantity })
      .returning("id")
      .executeTakeFirstOrThrow();
    res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ id: row.id }));
  } catch (err) {
    if (err instanceof Ajv.ValidationError) {
      res.writeHead(422, { "content-type": "application/json" }).end(JSON.stringify(err.errors));
      return;
    }
    console.error(err);
    res.writeHead(500).end();
  }
});

server.listen(Number(process.env.PORT ?? 8081));

process.on("SIGTERM", () => {
  server.close(() => void db.destroy());
});
