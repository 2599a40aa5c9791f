import http from "node:http";
import { validateSignature, type WebhookRequestBody } from "@line/bot-sdk";
import { handleEvent } from "./handlers.js";

const CHANNEL_SECRET = process.env.LINE_CHANNEL_SECRET ?? "";
const PORT = Number(process.env.PORT ?? 8080);

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const server = http.createServer(async (req, res) => {
  if (req.method === "GET" && req.url === "/healthz") {
    res.writeHead(200).end("ok");
    return;
  }
  if (req.method !== "POST" || req.url !== "/webhook") {
    res.writeHead(404).end();
    return;
  }

  const raw = await readBody(req);
  const signature = req.headers["x-line-signature"];
  if (typeof signature !== "string" || !validateSignature(raw, CHANNEL_SECRET, signature)) {
    res.writeHead(401).end("bad signature");
    return;
  }

  const body = JSON.parse(raw) as WebhookRequestBody;
  try {
    await Promise.all(body.events.map((event) => handleEvent(event)));
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  } catch (err) {
    console.error("webhook handling failed", err);
    res.writeHead(500).end();
  }
});

server.listen(PORT, () => {
  console.log(`LINE webhook listening on :${PORT}`);
});
