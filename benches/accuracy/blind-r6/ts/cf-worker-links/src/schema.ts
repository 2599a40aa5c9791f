import { bigint, int, mysqlTable, timestamp, varchar } from 'drizzle-orm/mysql-core';

export const links = mysqlTable('links', {
  id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
  slug: varchar('slug', { length: 32 }).notNull().unique(),
  target: varchar('target', { length: 2048 }).notNull(),
  hits: int('hits').notNull().default(0),
  createdAt: timestamp('created_at').notNull().defaultNow(),
});
