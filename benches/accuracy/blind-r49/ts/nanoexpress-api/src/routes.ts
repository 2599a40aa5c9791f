import type { Pool } from "pg";
import { cached, redis } from "./cache";

type App = ReturnType<typeof import("nanoexpress").default>;

export function registerRoutes(app: App, pool: Pool): void {
  app.get("/branches/:id/stock", async (req, res) => {
    const id = Number(req.params.id);
    const stock = await cached(`stock:${id}`, 30, async () => {
      const { rows } = await pool.query(
        "SELECT sku, qty FROM stock WHERE branch_id = $1 ORDER BY sku",
        [id],
      );
      return rows;
    });
    return res.send(stock);
  });

  app.post("/branches/:id/transfer", async (req, res) => {
    const id = Number(req.params.id);
    const body = req.body as { sku: string; qty: number; to: number };
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("UPDATE stock SET qty = qty - $3 WHERE branch_id = $1 AND sku = $2", [id, body.sku, body.qty]);
      await client.query("UPDATE stock SET qty = qty + $3 WHERE branch_id = $1 AND sku = $2", [body.to, body.sku, body.qty]);
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK");
      throw err;
    } finally {
      client.release();
    }
    await redis.del(`stock:${id}`, `stock:${body.to}`);
    return res.status(204).send("");
  });
}
