import mysql, { Connection, RowDataPacket } from "mysql2/promise";

export interface OrderRow extends RowDataPacket {
  number: string;
  status: "pending" | "paid" | "shipped" | "delivered" | "cancelled";
  carrier: string | null;
  tracking_code: string | null;
  eta: Date | null;
}

function config() {
  return {
    host: process.env.ORDERS_DB_HOST ?? "localhost",
    port: Number(process.env.ORDERS_DB_PORT ?? 3306),
    user: process.env.ORDERS_DB_USER ?? "bot",
    password: process.env.ORDERS_DB_PASSWORD,
    database: process.env.ORDERS_DB_NAME ?? "shop",
    connectTimeout: 4000,
  };
}

export async function getDb(): Promise<Connection> {
  return mysql.createConnection(config());
}

export async function findOrder(db: Connection, orderNumber: string, email: string): Promise<OrderRow | null> {
  const [rows] = await db.query<OrderRow[]>(
    `SELECT o.number, o.status, s.carrier, s.tracking_code, s.eta
       FROM orders o
       JOIN customers c ON c.id = o.customer_id
       LEFT JOIN shipments s ON s.order_id = o.id
      WHERE o.number = ? AND c.email = ?
      LIMIT 1`,
    [orderNumber, email],
  );
  return rows[0] ?? null;
}
