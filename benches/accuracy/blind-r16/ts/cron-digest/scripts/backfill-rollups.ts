// One-off: rebuild pageviews_daily for a date range.
//   npm run backfill -- 2024-06-01 2024-06-30
import { makeClickHouse } from '../src/clients.js';

const [from, to] = process.argv.slice(2);
if (!from || !to) {
  console.error('usage: backfill-rollups <from YYYY-MM-DD> <to YYYY-MM-DD>');
  process.exit(2);
}

const ch = makeClickHouse('rollup-backfill');
try {
  for (let d = new Date(from); d <= new Date(to); d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.toISOString().slice(0, 10);
    await ch.command({
      query: `ALTER TABLE pageviews_daily DELETE WHERE day = {day:Date}`,
      query_params: { day },
      clickhouse_settings: { mutations_sync: '1' },
    });
    await ch.command({
      query: `INSERT INTO pageviews_daily
              SELECT toDate(ts) AS day, path, count() AS views, uniqExact(visitor_id) AS uniques
              FROM pageviews WHERE toDate(ts) = {day:Date}
              GROUP BY day, path`,
      query_params: { day },
    });
    console.log(`rebuilt ${day}`);
  }
} finally {
  await ch.close();
}
