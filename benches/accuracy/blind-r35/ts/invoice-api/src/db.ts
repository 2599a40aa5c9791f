import sql from 'mssql';

const baseConfig: sql.config = {
  server: process.env.MSSQL_HOST ?? 'localhost',
  user: process.env.MSSQL_USER ?? 'invoice_app',
  password: process.env.MSSQL_PASSWORD ?? '',
  database: 'Billing',
  options: { encrypt: true, trustServerCertificate: process.env.NODE_ENV !== 'production' },
  pool: { max: 10, min: 0, idleTimeoutMillis: 30_000 },
};

// Main OLTP pool, connected once when the module is first imported.
export const billingPool: Promise<sql.ConnectionPool> = new sql.ConnectionPool(baseConfig).connect();

// Reporting runs against the read-only AG secondary.
export function reportsDb(): Promise<sql.ConnectionPool> {
  return new sql.ConnectionPool({
    ...baseConfig,
    server: process.env.MSSQL_REPORT_HOST ?? baseConfig.server,
    options: { ...baseConfig.options, readOnlyIntent: true },
  }).connect();
}

export { sql };
