import { pool } from "../../../lib/db";

export const POST: MarkoRun.Handler = async (context) => {
  const form = await context.request.formData();
  const productId = Number(form.get("productId"));
  const quantity = Number(form.get("quantity") ?? 1);
  if (!context.customerId) {
    return Response.redirect(new URL("/login?next=/checkout", context.url), 303);
  }

  const client = await pool.connect();
  await client.query("BEGIN");
  const { rows } = await client.query<{ stock: number; price_cents: number }>(
    "SELECT stock, price_cents FROM products WHERE id = $1 FOR UPDATE",
    [productId],
  );
  if (!rows[0] || rows[0].stock < quantity) {
    await client.query("ROLLBACK");
    return Response.json({ error: "out_of_stock" }, { status: 409 });
  }
  await client.query("UPDATE products SET stock = stock - $2 WHERE id = $1", [productId, quantity]);
  const order = await client.query<{ id: number }>(
    "INSERT INTO orders (customer_id, product_id, quantity, total_cents) VALUES ($1, $2, $3, $4) RETURNING id",
    [context.customerId, productId, quantity, rows[0].price_cents * quantity],
  );
  await client.query("COMMIT");
  client.release();

  return Response.redirect(new URL(`/orders/${order.rows[0].id}`, context.url), 303);
};
