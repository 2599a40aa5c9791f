import { int, mysqlTable, varchar, timestamp, index } from 'drizzle-orm/mysql-core';

export const warehouses = mysqlTable('warehouses', {
  id: int('id').primaryKey().autoincrement(),
  code: varchar('code', { length: 16 }).notNull().unique(),
  name: varchar('name', { length: 128 }).notNull(),
});

export const stock = mysqlTable(
  'stock',
  {
    id: int('id').primaryKey().autoincrement(),
    warehouseId: int('warehouse_id').notNull(),
    sku: varchar('sku', { length: 64 }).notNull(),
    onHand: int('on_hand').notNull().default(0),
    updatedAt: timestamp('updated_at').defaultNow().onUpdateNow(),
  },
  (t) => ({ bySku: index('stock_sku_idx').on(t.sku, t.warehouseId) }),
);

export const movements = mysqlTable('stock_movements', {
  id: int('id').primaryKey().autoincrement(),
  stockId: int('stock_id').notNull(),
  delta: int('delta').notNull(),
  reason: varchar('reason', { length: 64 }).notNull(),
  createdAt: timestamp('created_at').defaultNow(),
});
