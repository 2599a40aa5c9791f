import { Pool } from 'pg';

// Orders database; one pool for the BFF server process.
export const pool = new Pool({
  connectionString: process.env.ORDERS_DATABASE_URL,
  max: 10,
});
