import { pgTable, serial, text, integer, boolean, timestamp } from 'drizzle-orm/pg-core';

export const products = pgTable('products', {
  id: serial('id').primaryKey(),
  sku: text('sku').notNull().unique(),
  title: text('title').notNull(),
  description: text('description'),
  priceCents: integer('price_cents').notNull(),
  archived: boolean('archived').notNull().default(false),
  updatedAt: timestamp('updated_at').notNull().defaultNow(),
});
