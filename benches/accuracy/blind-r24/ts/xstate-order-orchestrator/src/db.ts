import pg from "pg";

// One pool for the whole orchestrator process. Sized for the Black Friday
// peak, when we run several hundred concurrent order actors.
export const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 80,
  idleTimeoutMillis: 10_000,
  connectionTimeoutMillis: 5_000,
});

pool.on("error", (err) => console.error("pg pool error", err));

export interface OrderLine {
  sku: string;
  qty: number;
}

export interface OrderInput {
  orderId: string;
  customerId: string;
  warehouse: string;
  lines: OrderLine[];
  paymentToken: string;
  totalCents: number;
}
