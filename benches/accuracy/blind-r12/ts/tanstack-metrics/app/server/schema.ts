import { integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

export const deployments = pgTable("deployments", {
  id: serial("id").primaryKey(),
  service: text("service").notNull(),
  status: text("status").notNull(),
  durationMs: integer("duration_ms").notNull(),
  finishedAt: timestamp("finished_at", { withTimezone: true }).notNull().defaultNow(),
});
