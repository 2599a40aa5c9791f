import { Client } from '@planetscale/database';
import { drizzle } from 'drizzle-orm/planetscale-serverless';
import { bigint, int, mysqlTable, timestamp, varchar } from 'drizzle-orm/mysql-core';

export const shops = mysqlTable('shops', {
  id: varchar('id', { length: 36 }).primaryKey(),
  name: varchar('name', { length: 255 }).notNull(),
  databaseUrl: varchar('database_url', { length: 512 }).notNull(),
});

export const orders = mysqlTable('orders', {
  id: bigint('id', { mode: 'number' }).primaryKey(),
  shopId: varchar('shop_id', { length: 36 }).notNull(),
  customerEmail: varchar('customer_email', { length: 320 }).notNull(),
  totalCents: int('total_cents').notNull(),
  createdAt: timestamp('created_at').notNull(),
});

const client = new Client({ url: process.env.DATABASE_URL });

export const db = drizzle(client);
