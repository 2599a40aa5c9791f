import { pgTable, serial, text, integer, timestamp, numeric } from 'drizzle-orm/pg-core';

export const orders = pgTable('orders', {
  id: serial('id').primaryKey(),
  orderNo: text('order_no').notNull().unique(),
  customerId: integer('customer_id').notNull(),
  totalCents: integer('total_cents').notNull(),
  currency: text('currency').notNull().default('EUR'),
  placedAt: timestamp('placed_at', { withTimezone: true }).notNull().defaultNow(),
});

export const invoices = pgTable('invoices', {
  id: serial('id').primaryKey(),
  orderId: integer('order_id')
    .notNull()
    .references(() => orders.id),
  number: text('number').notNull().unique(),
  pdfKey: text('pdf_key'),
  amount: numeric('amount', { precision: 12, scale: 2 }).notNull(),
  status: text('status').notNull().default('issued'),
  dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
  issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Order = typeof orders.$inferSelect;
export type Invoice = typeof invoices.$inferSelect;
