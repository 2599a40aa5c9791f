import { createServer, type IncomingMessage } from "node:http";
import { createActor, toPromise } from "xstate";
import { orderMachine } from "./machine.js";
import { pool, type OrderInput } from "./db.js";

async function readJson<T>(req: IncomingMessage): Promise<T> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as T;
}

const server = createServer(async (req, res) => {
  if (req.method === "POST" && req.url === "/orders") {
    let input: OrderInput;
    try {
      input = await readJson<OrderInput>(req);
    } catch {
      res.writeHead(400).end("invalid json");
      return;
    }

    const actor = createActor(orderMachine, { input, id: `order-${input.orderId}` });
    actor.subscribe({
      next: (snapshot) => console.log(`[${input.orderId}] ->`, snapshot.value),
      error: (err) => console.error(`[${input.orderId}] actor error`, err),
    });
    actor.start();

    try {
      const output = await toPromise(actor);
      res
        .writeHead(output.status === "fulfilled" ? 201 : 409, { "content-type": "application/json" })
        .end(JSON.stringify(output));
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
    return;
  }

  if (req.method === "GET" && req.url === "/healthz") {
    const { rows } = await pool.query("select count(*)::int as n from reservations");
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(rows[0]));
    return;
  }

  res.writeHead(404).end();
});

server.listen(Number(process.env.PORT ?? 8080), () => {
  console.log("order orchestrator up");
});
