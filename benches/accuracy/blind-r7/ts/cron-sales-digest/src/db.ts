import sql from 'mssql';

export const sqlConfig: sql.config = {
  server: process.env.MSSQL_HOST ?? 'localhost',
  database: process.env.MSSQL_DB ?? 'Sales',
  user: process.env.MSSQL_USER,
  password: process.env.MSSQL_PASSWORD,
  pool: { max: 10, min: 0, idleTimeoutMillis: 30_000 },
  options: { encrypt: true, trustServerCertificate: process.env.NODE_ENV !== 'production' },
};

let poolPromise: Promise<sql.ConnectionPool> | undefined;

export function getPool(): Promise<sql.ConnectionPool> {
  if (!poolPromise) {
    poolPromise = new sql.ConnectionPool(sqlConfig).connect().catch((err) => {
      poolPromise = undefined;
      throw err;
    });
  }
  return poolPromise;
}

export async function closePool(): Promise<void> {
  if (poolPromise) {
    const pool = await poolPromise;
    poolPromise = undefined;
    await pool.close();
  }
}
