import pg from 'pg';

// Tenant registry database.
export const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
});
