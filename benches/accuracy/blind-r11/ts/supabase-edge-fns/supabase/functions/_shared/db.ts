import postgres from 'postgres';

// Transaction-mode Supavisor endpoint (port 6543): prepared statements must be off.
const databaseUrl = Deno.env.get('SUPAVISOR_TRANSACTION_URL')!; // postgres://...@aws-0-eu-central-1.pooler.supabase.com:6543/postgres

export const sql = postgres(databaseUrl, {
  prepare: false,
  max: 3,
  idle_timeout: 20,
});
