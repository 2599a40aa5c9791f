import "reflect-metadata";
import { DataSource } from "typeorm";
import { Item } from "./entities/Item";
import { StockMovement } from "./entities/StockMovement";

declare global {
  // eslint-disable-next-line no-var
  var __inventoryDataSource: Promise<DataSource> | undefined;
}

function build(): Promise<DataSource> {
  const ds = new DataSource({
    type: "postgres",
    url: process.env.DATABASE_URL,
    entities: [Item, StockMovement],
    synchronize: false,
    extra: { max: 10 },
  });
  return ds.initialize();
}

// remix dev re-evaluates server modules on every change; keep one DataSource per process
export function getDataSource(): Promise<DataSource> {
  globalThis.__inventoryDataSource ??= build();
  return globalThis.__inventoryDataSource;
}
