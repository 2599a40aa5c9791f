import { Pool } from 'pg';

const globalForWarehouse = globalThis as unknown as { warehousePool?: Pool };

export const warehousePool =
  globalForWarehouse.warehousePool ??
  new Pool({ connectionString: process.env.WAREHOUSE_DATABASE_URL, max: 8 });

if (process.env.NODE_ENV !== 'production') globalForWarehouse.warehousePool = warehousePool;
