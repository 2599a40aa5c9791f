/**
 * One-off: recompute invoices.total_cents from invoice_lines for invoices
 * created before the totals column existed.
 *   node dist/scripts/backfill-totals.js [batchSize]
 */
import { createDb } from '../src/lib/db';

async function main() {
  const batchSize = Number(process.argv[2] ?? 500);
  const { pgp, db } = createDb('script');
  let updated = 0;
  try {
    for (;;) {
      const res = await db.result(
        `UPDATE invoices i SET total_cents = s.total
           FROM (
             SELECT il.invoice_id, SUM(il.qty * il.unit_cents) AS total
               FROM invoice_lines il
               JOIN invoices inv ON inv.id = il.invoice_id AND inv.total_cents IS NULL
              GROUP BY il.invoice_id
              LIMIT $1
           ) s
          WHERE i.id = s.invoice_id`,
        [batchSize],
      );
      updated += res.rowCount;
      if (res.rowCount < batchSize) break;
    }
    console.log(`backfilled ${updated} invoices`);
  } finally {
    pgp.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
