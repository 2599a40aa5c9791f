import type { Generated } from "kysely";

export interface StockTable {
  sku: string;
  warehouse: string;
  on_hand: number;
  reserved: number;
}

export interface ReservationTable {
  id: Generated<number>;
  sku: string;
  warehouse: string;
  quantity: number;
  order_ref: string;
  created_at: Generated<Date>;
}

export interface DB {
  stock: StockTable;
  reservations: ReservationTable;
}
