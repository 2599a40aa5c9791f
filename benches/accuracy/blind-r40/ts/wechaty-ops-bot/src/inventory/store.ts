import postgres from "postgres";

const inventoryDb = postgres(process.env.DATABASE_URL ?? "postgres://ops@localhost:5432/warehouse", {
  max: 5,
  transform: postgres.camel,
});

export interface StockRow {
  sku: string;
  name: string;
  onHand: number;
  reserved: number;
}

export async function findStock(skuOrName: string): Promise<StockRow[]> {
  return inventoryDb<StockRow[]>`
    select sku, name, on_hand, reserved
    from stock_levels
    where sku = ${skuOrName} or name ilike ${"%" + skuOrName + "%"}
    order by sku
    limit 5
  `;
}
