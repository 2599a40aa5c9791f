import type { ResultSetHeader } from "mysql2/promise";
import nhttp from "nhttp-land";
import { createPool, getReturn } from "./db.js";

const pool = createPool("web");
const app = nhttp();

const REASONS = new Set(["damaged", "wrong_item", "too_small", "too_large", "changed_mind"]);

app.get("/healthz", async () => {
  await pool.query("SELECT 1");
  return { ok: true };
});

app.get("/returns/:id", async (rev) => {
  const row = await getReturn(pool, Number(rev.params.id));
  if (!row) {
    rev.response.status(404);
    return { error: "not found" };
  }
  return row;
});

app.post("/returns", async (rev) => {
  const { orderId, reason, items } = rev.body as {
    orderId?: string;
    reason?: string;
    items?: Array<{ sku: string; qty: number }>;
  };
  if (!orderId || !reason || !REASONS.has(reason) || !items?.length) {
    rev.response.status(422);
    return { error: "orderId, reason and items are required" };
  }

  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    const [res] = await conn.execute<ResultSetHeader>(
      "INSERT INTO returns (order_id, status, reason) VALUES (:orderId, 'requested', :reason)",
      { orderId, reason },
    );
    for (const item of items) {
      await conn.execute(
        "INSERT INTO return_items (return_id, sku, qty) VALUES (:id, :sku, :qty)",
        { id: res.insertId, sku: item.sku, qty: item.qty },
      );
    }
    await conn.commit();
    rev.response.status(201);
    return { id: res.insertId, status: "requested" };
  } catch (err) {
    await conn.rollback();
    throw err;
  } finally {
    conn.release();
  }
});

const port = Number(process.env.PORT ?? 3000);
app.listen(port, () => console.log(`returns web on :${port}`));

process.on("SIGTERM", async () => {
  await pool.end();
  process.exit(0);
});
