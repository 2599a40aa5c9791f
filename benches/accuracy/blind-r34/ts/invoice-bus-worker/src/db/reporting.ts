import sql from 'mssql';

// Revenue rollups live in the ERP database as well (schema rpt).
const reportingPool = new sql.ConnectionPool({
  server: process.env.ERP_SQL_HOST!,
  database: process.env.ERP_SQL_DB ?? 'erp',
  user: process.env.ERP_SQL_USER,
  password: process.env.ERP_SQL_PASSWORD,
  options: { encrypt: true },
});

const connecting = reportingPool.connect();

export async function addPaidRevenue(country: string, amountCents: number, paidAt: Date) {
  await connecting;
  await reportingPool
    .request()
    .input('country', sql.Char(2), country)
    .input('amount', sql.BigInt, amountCents)
    .input('day', sql.Date, paidAt)
    .query(
      `MERGE rpt.daily_revenue AS t
       USING (SELECT @country AS country, @day AS day) AS s
       ON t.country = s.country AND t.day = s.day
       WHEN MATCHED THEN UPDATE SET amount_cents = t.amount_cents + @amount
       WHEN NOT MATCHED THEN INSERT (country, day, amount_cents) VALUES (@country, @day, @amount);`,
    );
}
