import sql from 'mssql';

const ledgerConfig: sql.config = {
  server: process.env.LEDGER_SQL_HOST!,
  database: 'ledger',
  user: process.env.LEDGER_SQL_USER,
  password: process.env.LEDGER_SQL_PASSWORD,
  options: { encrypt: true },
};

// Runs `work` inside a ledger transaction.
export async function withLedger<T>(work: (tx: sql.Transaction) => Promise<T>): Promise<T> {
  const pool = new sql.ConnectionPool(ledgerConfig);
  await pool.connect();
  const tx = new sql.Transaction(pool);
  try {
    await tx.begin();
    const result = await work(tx);
    await tx.commit();
    return result;
  } catch (err) {
    await tx.rollback().catch(() => undefined);
    throw err;
  } finally {
    await pool.close();
  }
}
