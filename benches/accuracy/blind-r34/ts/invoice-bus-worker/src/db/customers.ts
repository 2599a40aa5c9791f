import sql from 'mssql';

export const customersPool = new sql.ConnectionPool({
  server: process.env.ERP_SQL_HOST!,
  database: process.env.ERP_SQL_DB ?? 'erp',
  user: process.env.ERP_SQL_USER,
  password: process.env.ERP_SQL_PASSWORD,
  pool: { max: 10, min: 0, idleTimeoutMillis: 30_000 },
  options: { encrypt: true, trustServerCertificate: false },
});

const ready = customersPool.connect();

export async function findCustomer(customerId: string) {
  await ready;
  const result = await customersPool
    .request()
    .input('id', sql.NVarChar(64), customerId)
    .query('SELECT id, name, email, country FROM dbo.customers WHERE id = @id');
  return result.recordset[0] ?? null;
}
