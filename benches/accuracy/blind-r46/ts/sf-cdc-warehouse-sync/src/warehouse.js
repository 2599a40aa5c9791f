import sql from 'mssql';

const config = {
  server: process.env.WAREHOUSE_HOST ?? 'localhost',
  database: process.env.WAREHOUSE_DB ?? 'crm_dw',
  user: process.env.WAREHOUSE_USER,
  password: process.env.WAREHOUSE_PASSWORD,
  pool: { max: 8, min: 0, idleTimeoutMillis: 30_000 },
  options: { encrypt: true, trustServerCertificate: process.env.NODE_ENV !== 'production' },
};

// Returns a connected pool for the warehouse.
export async function openWarehouse() {
  const pool = new sql.ConnectionPool(config);
  await pool.connect();
  return pool;
}

export { sql };
