import postgres from "postgres"

const globalForSearch = globalThis as unknown as { searchSql?: postgres.Sql }

// Full-text search runs against the Supabase project. Go through the
// Supavisor pooler (transaction mode) so preview deploys don't exhaust
// direct connections.
export const searchSql =
  globalForSearch.searchSql ??
  postgres({
    host: process.env.SUPABASE_DB_HOST, // aws-0-eu-central-1.pooler.supabase.com
    port: 6543,
    database: "postgres",
    username: process.env.SUPABASE_DB_USER,
    password: process.env.SUPABASE_DB_PASSWORD,
    ssl: "require",
    max: 5,
    idle_timeout: 20,
  })

if (process.env.NODE_ENV !== "production") globalForSearch.searchSql = searchSql
