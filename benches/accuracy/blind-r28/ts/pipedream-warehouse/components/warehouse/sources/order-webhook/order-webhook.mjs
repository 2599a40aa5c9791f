import warehouse from "../../warehouse.app.mjs";
import { pool } from "../../common/db.mjs";

export default {
  key: "warehouse-order-webhook",
  name: "Order Webhook (Reserve Stock)",
  description: "Receives storefront order webhooks, reserves stock and emits the order.",
  version: "0.2.0",
  type: "source",
  props: {
    warehouse,
    http: {
      type: "$.interface.http",
      customResponse: true,
    },
  },
  async run(event) {
    const { body, headers } = event;
    if (headers["x-shop-token"] !== process.env.SHOP_WEBHOOK_TOKEN) {
      this.http.respond({ status: 401, body: { error: "bad token" } });
      return;
    }
    if (!Array.isArray(body?.line_items) || body.line_items.length === 0) {
      this.http.respond({ status: 400, body: { error: "no line items" } });
      return;
    }

    const conn = await pool.getConnection();
    await conn.beginTransaction();
    for (const line of body.line_items) {
      const [rows] = await conn.execute(
        "SELECT on_hand, reserved FROM stock WHERE sku = ? FOR UPDATE",
        [line.sku],
      );
      if (rows.length === 0 || rows[0].on_hand - rows[0].reserved < line.quantity) {
        await conn.rollback();
        this.http.respond({ status: 409, body: { error: `cannot reserve ${line.sku}` } });
        return;
      }
      await conn.execute(
        "UPDATE stock SET reserved = reserved + ? WHERE sku = ?",
        [line.quantity, line.sku],
      );
    }
    await conn.execute(
      "INSERT INTO reservations (order_id, order_name, created_at) VALUES (?, ?, NOW())",
      [body.id, body.name],
    );
    await conn.commit();
    conn.release();

    this.http.respond({ status: 200, body: { reserved: body.line_items.length } });
    this.$emit(body, {
      id: String(body.id),
      summary: `Reserved stock for order ${body.name}`,
      ts: Date.parse(body.created_at) || Date.now(),
    });
  },
};
