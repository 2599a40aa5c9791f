import mysql from "mysql2/promise";

const ordersPool = mysql.createPool({
  uri: process.env.SHOP_DB_URL ?? "mysql://bakery@127.0.0.1:3306/bakery_shop",
  connectionLimit: 5,
  namedPlaceholders: true,
});

export interface OrderLine {
  sku: string;
  qty: number;
}

export async function placeOrder(customerId: number, pickupAt: Date, lines: OrderLine[]): Promise<number> {
  const conn = await ordersPool.getConnection();
  try {
    await conn.beginTransaction();
    const [res] = await conn.execute<mysql.ResultSetHeader>(
      "INSERT INTO orders (customer_id, pickup_at, status) VALUES (:customerId, :pickupAt, 'new')",
      { customerId, pickupAt }
    );
    for (const line of lines) {
      await conn.execute(
        "INSERT INTO order_lines (order_id, sku, qty) VALUES (:orderId, :sku, :qty)",
        { orderId: res.insertId, sku: line.sku, qty: line.qty }
      );
      await conn.execute(
        "UPDATE products SET available_today = available_today - :qty WHERE sku = :sku AND available_today >= :qty",
        line
      );
    }
    await conn.commit();
    return res.insertId;
  } catch (err) {
    await conn.rollback();
    throw err;
  } finally {
    conn.release();
  }
}

export async function cancelOrder(orderId: number, customerId: number): Promise<boolean> {
  const [res] = await ordersPool.execute<mysql.ResultSetHeader>(
    "UPDATE orders SET status = 'cancelled' WHERE id = :orderId AND customer_id = :customerId AND status = 'new'",
    { orderId, customerId }
  );
  return res.affectedRows === 1;
}
