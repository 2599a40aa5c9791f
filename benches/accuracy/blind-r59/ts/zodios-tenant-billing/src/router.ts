import { zodiosRouter } from "@zodios/express";
import { Pool } from "pg";
import Redis from "ioredis";
import { billingApi } from "./api";
import { tenantPool } from "./tenants";

const COLUMNS = `id, number, customer, amount_cents AS "amountCents", currency, status,
                 to_char(due_date, 'YYYY-MM-DD') AS "dueDate"`;

export function buildRouter(control: Pool, redis: Redis) {
  const router = zodiosRouter(billingApi);

  router.get("/tenants/:tenantId/invoices", async (req, res) => {
    const db = await tenantPool(control, req.params.tenantId);
    if (!db) return res.status(404).json({ error: "unknown tenant" });

    const params: unknown[] = [req.query.limit];
    let where = "";
    if (req.query.status) {
      params.push(req.query.status);
      where = "WHERE status = $2";
    }
    const { rows } = await db.query(
      `SELECT ${COLUMNS} FROM invoices ${where} ORDER BY due_date DESC LIMIT $1`,
      params,
    );
    return res.json(rows);
  });

  router.post("/tenants/:tenantId/invoices/:invoiceId/payments", async (req, res) => {
    const db = await tenantPool(control, req.params.tenantId);
    if (!db) return res.status(404).json({ error: "unknown tenant" });

    const lockKey = `pay-lock:${req.params.tenantId}:${req.params.invoiceId}`;
    if ((await redis.set(lockKey, "1", "EX", 30, "NX")) !== "OK") {
      return res.status(409).json({ error: "payment already in progress" });
    }

    const client = await db.connect();
    try {
      await client.query("BEGIN");
      const found = await client.query(
        `SELECT amount_cents, status FROM invoices WHERE id = $1 FOR UPDATE`,
        [req.params.invoiceId],
      );
      if (found.rowCount === 0 || found.rows[0].status !== "open") {
        await client.query("ROLLBACK");
        return res.status(409).json({ error: "invoice is not open" });
      }
      await client.query(
        `INSERT INTO payments (invoice_id, amount_cents, reference) VALUES ($1, $2, $3)`,
        [req.params.invoiceId, req.body.amountCents, req.body.reference],
      );
      const { rows } = await client.query(
        `UPDATE invoices
            SET status = CASE WHEN amount_cents <= (SELECT sum(amount_cents) FROM payments WHERE invoice_id = $1)
                              THEN 'paid' ELSE status END
          WHERE id = $1
          RETURNING ${COLUMNS}`,
        [req.params.invoiceId],
      );
      await client.query("COMMIT");
      return res.json(rows[0]);
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
      await redis.del(lockKey);
    }
  });

  return router;
}
