import Beanstalkd from 'beanstalkd';
import pg from 'pg';

// One-off: `npm run enqueue-month -- 2024-09` queues every unsent invoice of a month.
const month = process.argv[2];
if (!/^\d{4}-\d{2}$/.test(month ?? '')) {
  console.error('usage: enqueue-month YYYY-MM');
  process.exit(2);
}

const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
const bean = new Beanstalkd(process.env.BEANSTALKD_HOST ?? '127.0.0.1', 11300);
await db.connect();
await bean.connect();
try {
  await bean.use('invoices');
  const { rows } = await db.query<{ id: number }>(
    "SELECT id FROM invoices WHERE status = 'draft' AND to_char(issued_on, 'YYYY-MM') = $1 ORDER BY id",
    [month],
  );
  for (const row of rows) {
    await bean.put(1024, 0, 300, JSON.stringify({ invoiceId: row.id }));
  }
  console.info(`queued ${rows.length} invoices for ${month}`);
} finally {
  await bean.quit();
  await db.end();
}
