import { Gauge } from "prom-client";
import mysql, { type RowDataPacket } from "mysql2/promise";

export const openOrders = new Gauge({
  name: "shop_orders_by_status",
  help: "Number of orders per status in the last 24h",
  labelNames: ["status"] as const,
  async collect() {
    const conn = await mysql.createConnection(process.env.MYSQL_URL ?? "mysql://exporter@localhost:3306/shop");
    try {
      const [rows] = await conn.query<RowDataPacket[]>(
        "SELECT status, COUNT(*) AS n FROM orders WHERE created_at > NOW() - INTERVAL 1 DAY GROUP BY status",
      );
      this.reset();
      for (const row of rows) this.set({ status: String(row.status) }, Number(row.n));
    } finally {
      await conn.end();
    }
  },
});
