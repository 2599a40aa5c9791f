import { createHmac } from "node:crypto";
import type pg from "pg";
import type { OriginPools } from "./clients.js";

export interface OutboxNotification {
  id: number;
  tenant_id: string;
  event_type: string;
}

interface Endpoint {
  id: number;
  url: string;
  secret: string;
}

export function makeDispatcher(db: pg.Pool, origins: OriginPools) {
  return async function dispatch(note: OutboxNotification): Promise<void> {
    const client = await db.connect();
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<{ payload: unknown }>(
        "SELECT payload FROM webhook_outbox WHERE id = $1 AND delivered_at IS NULL FOR UPDATE SKIP LOCKED",
        [note.id],
      );
      if (rows.length === 0) {
        await client.query("ROLLBACK");
        return;
      }
      const endpoints = await client.query<Endpoint>(
        "SELECT id, url, secret FROM webhook_endpoints WHERE tenant_id = $1 AND $2 = ANY(event_types)",
        [note.tenant_id, note.event_type],
      );

      const body = JSON.stringify({ id: note.id, type: note.event_type, data: rows[0].payload });
      for (const ep of endpoints.rows) {
        const signature = createHmac("sha256", ep.secret).update(body).digest("hex");
        const target = new URL(ep.url);
        const res = await origins.get(ep.url).request({
          method: "POST",
          path: target.pathname + target.search,
          headers: { "content-type": "application/json", "x-signature-256": `sha256=${signature}` },
          body,
          headersTimeout: 10_000,
        });
        await res.body.dump();
        await client.query(
          "INSERT INTO webhook_attempts (outbox_id, endpoint_id, status_code) VALUES ($1, $2, $3)",
          [note.id, ep.id, res.statusCode],
        );
      }

      await client.query("UPDATE webhook_outbox SET delivered_at = now() WHERE id = $1", [note.id]);
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  };
}
