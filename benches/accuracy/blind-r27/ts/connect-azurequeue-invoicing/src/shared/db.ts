import sql from 'mssql';

export interface PoolOptions {
  appName: string;
  max?: number;
}

/**
 * Builds and connects the Azure SQL pool for one process. Each entry point
 * (web, worker, scripts) calls this exactly once at start-up.
 */
export async function createPool({ appName, max = 10 }: PoolOptions): Promise<sql.ConnectionPool> {
  const pool = new sql.ConnectionPool({
    server: process.env.SQL_SERVER ?? 'localhost',
    database: process.env.SQL_DATABASE ?? 'invoicing',
    user: process.env.SQL_USER,
    password: process.env.SQL_PASSWORD,
    port: 1433,
    pool: { max, min: 0, idleTimeoutMillis: 30_000 },
    options: { encrypt: true, trustServerCertificate: false, appName },
  });
  pool.on('error', (err) => console.error(`[${appName}] pool error`, err));
  await pool.connect();
  return pool;
}

export interface Invoice {
  id: number;
  customer_id: string;
  amount_cents: number;
  currency: string;
  status: 'draft' | 'issued' | 'paid' | 'void';
  due_date: Date;
}

export async function getInvoice(pool: sql.ConnectionPool, id: number): Promise<Invoice | undefined> {
  const result = await pool
    .request()
    .input('id', sql.Int, id)
    .query<Invoice>('SELECT id, customer_id, amount_cents, currency, status, due_date FROM invoices WHERE id = @id');
  return result.recordset[0];
}
