import express from "express";
import { WebPubSubServiceClient } from "@azure/web-pubsub";
import { WebPubSubEventHandler } from "@azure/web-pubsub-express";

import { createPool } from "./lib/db";

const HUB = "dispatch";

async function main() {
  const pool = await createPool("dispatch-web", 10);
  const hub = new WebPubSubServiceClient(process.env.WEBPUBSUB_CONNECTION_STRING!, HUB);

  const handler = new WebPubSubEventHandler(HUB, {
    path: "/eventhandler",
    allowedEndpoints: [process.env.WEBPUBSUB_ENDPOINT!],

    handleConnect: async (req, res) => {
      const userId = req.context.userId;
      if (!userId) return res.fail(401, "anonymous connections are not allowed");
      const { rows } = await pool.query<{ region: string }>(
        "SELECT region FROM technicians WHERE id = $1 AND active",
        [userId],
      );
      if (rows.length === 0) return res.fail(403, "unknown technician");
      res.success({ groups: [`region:${rows[0]!.region}`] });
    },

    handleUserEvent: async (req, res) => {
      if (req.context.eventName !== "claim" || req.dataType !== "json") {
        return res.fail(400, "unsupported event");
      }
      const { jobId } = req.data as { jobId: string };
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const claimed = await client.query(
          "UPDATE jobs SET technician_id = $2, status = 'claimed', claimed_at = now() WHERE id = $1 AND status = 'open' RETURNING region",
          [jobId, req.context.userId],
        );
        await client.query("COMMIT");
        if (claimed.rowCount === 0) return res.success({ ok: false, reason: "already taken" }, "json");
        await hub.group(`region:${claimed.rows[0].region}`).sendToAll({ type: "job-claimed", jobId });
        res.success({ ok: true }, "json");
      } catch (err) {
        await client.query("ROLLBACK");
        res.fail(500, (err as Error).message);
      } finally {
        client.release();
      }
    },

    onConnected: async (req) => {
      await pool.query("UPDATE technicians SET online = true, last_seen = now() WHERE id = $1", [req.context.userId]);
    },

    onDisconnected: async (req) => {
      await pool.query("UPDATE technicians SET online = false, last_seen = now() WHERE id = $1", [req.context.userId]);
    },
  });

  const app = express();
  app.use(handler.getMiddleware());

  app.get("/negotiate", async (req, res) => {
    const userId = String(req.header("x-ms-client-principal-id") ?? "");
    if (!userId) return res.status(401).end();
    const token = await hub.getClientAccessToken({ userId, roles: ["webpubsub.sendToGroup"] });
    res.json({ url: token.url });
  });

  const server = app.listen(Number(process.env.PORT ?? 8080));
  process.on("SIGTERM", () => server.close(() => void pool.end()));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
