import { createServer, IncomingMessage, ServerResponse } from "node:http";
import { exportOrders } from "./actions/exportOrders";
import { placeOrder } from "./actions/placeOrder";
import { HasuraEvent, recordAudit } from "./events/audit";

// Hasura calls POST /actions for every action mutation/query and
// POST /events for every event-trigger delivery.
type ActionHandler = (input: any, session: Record<string, string>) => Promise<unknown>;

const actions: Record<string, ActionHandler> = {
  placeOrder,
  exportOrders,
};

async function readJson(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

const server = createServer(async (req, res) => {
  if (req.headers["x-hasura-webhook-secret"] !== process.env.WEBHOOK_SECRET) {
    return send(res, 401, { message: "unauthorized" });
  }
  try {
    if (req.method === "POST" && req.url === "/actions") {
      const body = await readJson(req);
      const handler = actions[body.action?.name];
      if (!handler) return send(res, 404, { message: `unknown action ${body.action?.name}` });
      return send(res, 200, await handler(body.input, body.session_variables ?? {}));
    }
    if (req.method === "POST" && req.url === "/events") {
      const body = (await readJson(req)) as HasuraEvent;
      return send(res, 200, await recordAudit(body));
    }
    send(res, 404, { message: "not found" });
  } catch (err) {
    send(res, 400, { message: (err as Error).message });
  }
});

server.listen(Number(process.env.PORT ?? 3000), () => {
  console.log("hasura handlers listening");
});
