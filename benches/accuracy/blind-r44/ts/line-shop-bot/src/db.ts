import mysql from "mysql2/promise";

const baseConfig = {
  host: process.env.SHOP_DB_HOST ?? "127.0.0.1",
  port: Number(process.env.SHOP_DB_PORT ?? 3306),
  user: process.env.SHOP_DB_USER ?? "shop",
  password: process.env.SHOP_DB_PASSWORD ?? "",
  database: process.env.SHOP_DB_NAME ?? "shop",
  timezone: "+09:00",
};

// Booking writes go through this pool (shared by the whole process).
export const bookingPool = mysql.createPool({
  ...baseConfig,
  connectionLimit: 10,
  waitForConnections: true,
});

// Read-side helper used by the order lookup commands.
export function openShopDb(): mysql.Pool {
  return mysql.createPool({
    ...baseConfig,
    connectionLimit: 5,
    namedPlaceholders: true,
  });
}

export interface OrderRow extends mysql.RowDataPacket {
  order_no: string;
  status: string;
  total_yen: number;
  pickup_slot: string | null;
}

export interface SlotRow extends mysql.RowDataPacket {
  id: number;
  starts_at: Date;
  capacity: number;
  booked: number;
}
