// One-off: node dist/scripts/backfill.js acme 2024-01-01 2024-02-01
import { createClickHouse } from "../src/clients.js";

const [tenant, from, to] = process.argv.slice(2);
if (!tenant || !from || !to) {
  console.error("usage: backfill <tenant> <from> <to>");
  process.exit(2);
}

const ch = createClickHouse();
try {
  for (let day = new Date(from); day < new Date(to); day = new Date(day.getTime() + 86_400_000)) {
    await ch.command({
      query: `INSERT INTO events_daily
              SELECT tenant, toStartOfDay(ts) AS bucket, count() AS n FROM events
              WHERE tenant = {tenant:String} AND toDate(ts) = {day:Date} GROUP BY tenant, bucket`,
      query_params: { tenant, day: day.toISOString().slice(0, 10) },
    });
    console.log(`backfilled ${tenant} ${day.toISOString().slice(0, 10)}`);
  }
} finally {
  await ch.close();
}
