import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

export const accounts = sqliteTable('accounts', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  plan: text('plan').notNull().default('free'),
  updatedAt: integer('updated_at', { mode: 'timestamp' }).notNull(),
});

export const tenants = sqliteTable('tenants', {
  id: text('id').primaryKey(),
  dbUrl: text('db_url').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});
