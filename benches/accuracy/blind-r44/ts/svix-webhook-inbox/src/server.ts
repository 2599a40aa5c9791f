import http from "node:http";
import { Webhook, WebhookVerificationError } from "svix";
import { findTenant } from "./tenants.js";
import { markRelayed, saveEvent, store } from "./store.js";
import { closeRelays, relay, warmRelays } from "./relay.js";

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (data += c));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

const server = http.createServer(async (req, res) => {
  const match = /^\/inbox\/([a-z0-9-]+)$/.exec(req.url ?? "");
  if (req.method !== "POST" || !match) {
    res.writeHead(404).end();
    return;
  }
  const tenant = findTenant(match[1]);
  if (!tenant) {
    res.writeHead(404).end("unknown tenant");
    return;
  }

  const body = await readBody(req);
  const headers = {
    "svix-id": String(req.headers["svix-id"] ?? ""),
    "svix-timestamp": String(req.headers["svix-timestamp"] ?? ""),
    "svix-signature": String(req.headers["svix-signature"] ?? ""),
  };

  let payload: { type?: string; data?: unknown };
  try {
    payload = new Webhook(tenant.signingSecret).verify(body, headers) as typeof payload;
  } catch (err) {
    if (err instanceof WebhookVerificationError) {
      res.writeHead(400).end("invalid signature");
      return;
    }
    throw err;
  }

  const eventType = payload.type ?? "unknown";
  const isNew = await saveEvent(tenant.database, {
    tenantId: tenant.id,
    svixId: headers["svix-id"],
    eventType,
    payload,
    receivedAt: new Date().toISOString(),
    relayed: false,
  });
  res.writeHead(isNew ? 202 : 200).end();

  if (isNew && (await relay(tenant, eventType, body).catch(() => false))) {
    await markRelayed(tenant.database, tenant.id, headers["svix-id"]);
  }
});

warmRelays();
server.listen(Number(process.env.PORT ?? 8787));

process.on("SIGTERM", () => {
  server.close(async () => {
    await closeRelays();
    store.dispose();
    process.exit(0);
  });
});
