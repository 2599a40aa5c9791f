// One-off: rebuild clicks_daily for a date range.
//   node dist/scripts/backfill.js 2024-06-01 2024-06-30
import { createPool } from "../src/db.js";

async function main(): Promise<void> {
  const [from, to] = process.argv.slice(2);
  if (!from || !to) {
    console.error("usage: backfill <from> <to>");
    process.exit(2);
  }

  const pool = createPool("backfill", 2);
  try {
    const { rowCount } = await pool.query(
      `insert into clicks_daily (campaign, day, clicks, visitors)
       select campaign, clicked_at::date, count(*), count(distinct visitor)
         from clicks
        where clicked_at >= $1::date and clicked_at < $2::date + 1
        group by 1, 2
       on conflict (campaign, day) do update
         set clicks = excluded.clicks, visitors = excluded.visitors`,
      [from, to],
    );
    console.log(`upserted ${rowCount} daily rows`);
  } finally {
    await pool.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
