import { Gauge } from "prom-client";
import type { RowDataPacket } from "mysql2/promise";
import { pool } from "../db.js";

export const pendingPayments = new Gauge({
  name: "shop_payments_pending",
  help: "Payments waiting for capture, per provider",
  labelNames: ["provider"] as const,
  async collect() {
    const [rows] = await pool.query<RowDataPacket[]>(
      "SELECT provider, COUNT(*) AS n FROM payments WHERE state = 'authorized' GROUP BY provider",
    );
    this.reset();
    for (const row of rows) this.set({ provider: String(row.provider) }, Number(row.n));
  },
});
