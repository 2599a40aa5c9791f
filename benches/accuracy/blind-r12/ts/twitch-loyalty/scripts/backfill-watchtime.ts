/**
 * One-off: convert the legacy watch_minutes column into points.
 *   npm run backfill -- #somechannel
 */
import pg from "pg";

async function run(channel: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL, application_name: "backfill" });
  await client.connect();
  try {
    let total = 0;
    for (;;) {
      const { rowCount } = await client.query(
        `UPDATE viewers SET points = points + watch_minutes / 10, watch_minutes = 0
         WHERE ctid IN (SELECT ctid FROM viewers WHERE channel = $1 AND watch_minutes > 0 LIMIT 5000)`,
        [channel],
      );
      total += rowCount ?? 0;
      console.log(`converted ${total} viewers so far`);
      if (!rowCount) break;
    }
  } finally {
    await client.end();
  }
}

const channel = process.argv[2];
if (!channel) {
  console.error("usage: backfill-watchtime <#channel>");
  process.exit(2);
}
run(channel).then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
