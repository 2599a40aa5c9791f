import postgres from "postgres";

// Supabase transaction pooler on 6543: prepared statements must be off.
export const sql = postgres(process.env.DATABASE_URL!, {
  prepare: false,
  max: 10,
  idle_timeout: 20,
});
