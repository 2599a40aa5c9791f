import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { pgTable, text, timestamp, bigserial } from "drizzle-orm/pg-core";

import { env } from "~/env";

export const clicks = pgTable("clicks", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  slug: text("slug").notNull(),
  referrer: text("referrer"),
  country: text("country"),
  at: timestamp("at", { withTimezone: true }).defaultNow().notNull(),
});

const globalForAnalytics = globalThis as unknown as {
  analyticsSql: postgres.Sql | undefined;
};

const sql = globalForAnalytics.analyticsSql ?? postgres(env.ANALYTICS_DATABASE_URL, { max: 5 });

if (env.NODE_ENV !== "production") globalForAnalytics.analyticsSql = sql;

export const analytics = drizzle(sql, { schema: { clicks } });
