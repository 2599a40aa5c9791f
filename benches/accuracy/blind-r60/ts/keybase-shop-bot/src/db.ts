import { Pool } from 'pg';

export const pool = new Pool({
  connectionString: process.env.SHOP_DATABASE_URL,
  max: 10,
  application_name: 'keybase-shop-bot',
});
