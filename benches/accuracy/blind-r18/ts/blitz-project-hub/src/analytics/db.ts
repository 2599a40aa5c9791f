import { PrismaClient as AnalyticsPrismaClient } from "../generated/analytics"

// Page views go to the analytics warehouse, a separate Postgres from `db`.
export const analyticsDb = new AnalyticsPrismaClient({
  log: process.env.NODE_ENV === "development" ? ["warn", "error"] : ["error"],
})
