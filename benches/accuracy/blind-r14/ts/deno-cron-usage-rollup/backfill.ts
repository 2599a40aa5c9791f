// One-off: deno task backfill 2024-07-01 2024-07-31
import pg from "pg";

const [from, to] = Deno.args;
if (!from || !to) {
  console.error("usage: backfill.ts FROM TO");
  Deno.exit(1);
}

const client = new pg.Client({ connectionString: Deno.env.get("DATABASE_URL") });
await client.connect();
try {
  const { rowCount } = await client.query(
    `INSERT INTO usage_daily (tenant_id, day, metric, amount)
     SELECT tenant_id, date_trunc('day', hour), metric, sum(amount)
       FROM usage_hourly WHERE hour >= $1 AND hour < $2::date + 1
      GROUP BY 1, 2, 3
     ON CONFLICT (tenant_id, day, metric) DO UPDATE SET amount = EXCLUDED.amount`,
    [from, to],
  );
  console.log(`backfilled ${rowCount} rows`);
} finally {
  await client.end();
}
