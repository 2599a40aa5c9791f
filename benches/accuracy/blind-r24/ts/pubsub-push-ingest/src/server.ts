import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { authClient, bigquery, closeAll, databaseFor, getStorage } from "./clients.js";

interface PushEnvelope {
  message: {
    data: string;
    attributes?: Record<string, string>;
    messageId: string;
    publishTime: string;
  };
  subscription: string;
}

interface Reading {
  deviceId: string;
  metric: string;
  value: number;
  takenAt: string;
}

const AUDIENCE = process.env.PUSH_AUDIENCE ?? "";
const PUSH_SA = process.env.PUSH_SERVICE_ACCOUNT ?? "";

async function verifyPush(req: IncomingMessage): Promise<boolean> {
  const header = req.headers.authorization ?? "";
  const token = header.startsWith("Bearer ") ? header.slice(7) : "";
  if (!token) return false;
  const ticket = await authClient.verifyIdToken({ idToken: token, audience: AUDIENCE });
  const payload = ticket.getPayload();
  return payload?.email === PUSH_SA && payload.email_verified === true;
}

async function readJson(req: IncomingMessage): Promise<PushEnvelope> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as PushEnvelope;
}

async function handlePush(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!(await verifyPush(req))) {
    res.writeHead(401).end();
    return;
  }

  const envelope = await readJson(req);
  const tenant = envelope.message.attributes?.tenant;
  if (!tenant) {
    // Ack malformed messages so Pub/Sub stops redelivering them.
    res.writeHead(204).end();
    return;
  }

  const raw = Buffer.from(envelope.message.data, "base64").toString("utf8");
  const readings = JSON.parse(raw) as Reading[];

  await databaseFor(tenant).runTransactionAsync(async (tx) => {
    for (const r of readings) {
      await tx.runUpdate({
        sql: `INSERT OR UPDATE INTO LatestReadings (DeviceId, Metric, Value, TakenAt)
              VALUES (@deviceId, @metric, @value, @takenAt)`,
        params: { deviceId: r.deviceId, metric: r.metric, value: r.value, takenAt: r.takenAt },
      });
    }
    await tx.commit();
  });

  await bigquery
    .dataset("telemetry")
    .table("readings")
    .insert(readings.map((r) => ({ tenant, ...r, messageId: envelope.message.messageId })));

  if (envelope.message.attributes?.archive === "true") {
    await getStorage()
      .bucket(process.env.ARCHIVE_BUCKET ?? "device-raw-archive")
      .file(`${tenant}/${envelope.message.publishTime.slice(0, 10)}/${envelope.message.messageId}.json`)
      .save(raw, { contentType: "application/json", resumable: false });
  }

  res.writeHead(204).end();
}

const server = createServer((req, res) => {
  if (req.method === "POST" && req.url === "/pubsub/readings") {
    handlePush(req, res).catch((err) => {
      console.error("push handling failed", err);
      // Non-2xx => Pub/Sub retries with backoff.
      res.writeHead(500).end();
    });
    return;
  }
  res.writeHead(404).end();
});

server.listen(Number(process.env.PORT ?? 8080));

process.on("SIGTERM", () => {
  server.close(() => {
    closeAll().finally(() => process.exit(0));
  });
});
