// One-off: create shipment rows for paid orders imported from the legacy system.
// Usage: npm run backfill -- 2024-01-01
import { createSql } from '../shared/db.js';

async function main() {
  const since = process.argv[2] ?? '2024-01-01';
  const sql = createSql('backfill-shipments', 2);
  try {
    const result = await sql`
      INSERT INTO shipments (order_id, warehouse, status)
      SELECT o.id, o.default_warehouse, 'pending'
        FROM orders o
        LEFT JOIN shipments s ON s.order_id = o.id
       WHERE o.paid_at >= ${since} AND s.id IS NULL`;
    console.log(`backfilled ${result.count} shipments`);
  } finally {
    await sql.end();
  }
}

main().catch(err => {
  console.error(err);
  process.exitCode = 1;
});
