import { createServer } from "node:http";
import { createRouter, Response } from "fets";
import { createPool, type AccountView } from "./db.js";

const pool = createPool("web");

const router = createRouter({
  openAPI: { info: { title: "Accounts read API", version: "1.8.2" } },
})
  .route({
    method: "GET",
    path: "/accounts/:id",
    schemas: {
      request: { params: { type: "object", properties: { id: { type: "string" } }, required: ["id"] } },
    } as const,
    handler: async (request) => {
      const rows: AccountView[] = await pool.query(
        "SELECT id, owner, balance_cents, status, version FROM accounts WHERE id = ?",
        [request.params.id],
      );
      if (rows.length === 0) return Response.json({ error: "not found" }, { status: 404 });
      return Response.json(rows[0]);
    },
  })
  .route({
    method: "GET",
    path: "/owners/:owner/summary",
    handler: async (request) => {
      const conn = await pool.getConnection();
      try {
        await conn.query("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        await conn.beginTransaction();
        const accounts: AccountView[] = await conn.query(
          "SELECT id, owner, balance_cents, status, version FROM accounts WHERE owner = ? ORDER BY id",
          [request.params.owner],
        );
        const [{ total }] = await conn.query(
          "SELECT COALESCE(SUM(balance_cents), 0) AS total FROM accounts WHERE owner = ? AND status <> 'closed'",
          [request.params.owner],
        );
        await conn.commit();
        return Response.json({ owner: request.params.owner, totalCents: Number(total), accounts });
      } catch (err) {
        await conn.rollback();
        throw err;
      } finally {
        conn.release();
      }
    },
  })
  .route({
    method: "GET",
    path: "/healthz",
    handler: async () => {
      await pool.query("SELECT 1");
      return Response.json({ ok: true });
    },
  });

const server = createServer(router);
server.listen(Number(process.env.PORT ?? 4000), () => {
  console.log(`read API listening on ${process.env.PORT ?? 4000}`);
});

process.on("SIGTERM", () => {
  server.close(() => void pool.end());
});
