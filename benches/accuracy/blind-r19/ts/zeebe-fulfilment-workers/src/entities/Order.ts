import { EntitySchema } from "@mikro-orm/core";

export interface Order {
  id: string;
  status: "new" | "reserved" | "charged" | "failed";
  totalCents: number;
  currency: string;
  paymentRef?: string;
  updatedAt: Date;
}

export const OrderSchema = new EntitySchema<Order>({
  name: "Order",
  tableName: "orders",
  properties: {
    id: { type: "string", primary: true },
    status: { type: "string" },
    totalCents: { type: "number" },
    currency: { type: "string" },
    paymentRef: { type: "string", nullable: true },
    updatedAt: { type: "Date", onUpdate: () => new Date() },
  },
});

export interface StockItem {
  sku: string;
  available: number;
  reserved: number;
}

export const StockItemSchema = new EntitySchema<StockItem>({
  name: "StockItem",
  tableName: "stock_items",
  properties: {
    sku: { type: "string", primary: true },
    available: { type: "number" },
    reserved: { type: "number" },
  },
});
