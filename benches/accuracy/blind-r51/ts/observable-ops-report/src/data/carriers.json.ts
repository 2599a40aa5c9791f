import pg from 'pg';

// Three independent aggregates: run them in parallel on a small pool, then end it.
const pool = new pg.Pool({ connectionString: process.env.WAREHOUSE_URL, max: 3 });

try {
  const [late, damaged, cost] = await Promise.all([
    pool.query(`SELECT carrier, avg((delivered_at > promised_at)::int) AS late_share FROM shipments
                WHERE delivered_at > now() - interval '8 weeks' GROUP BY carrier`),
    pool.query(`SELECT carrier, count(*) AS claims FROM damage_claims
                WHERE filed_at > now() - interval '8 weeks' GROUP BY carrier`),
    pool.query(`SELECT carrier, avg(cost_cents) / 100.0 AS avg_cost FROM shipments
                WHERE created_at > now() - interval '8 weeks' GROUP BY carrier`),
  ]);
  process.stdout.write(JSON.stringify({ late: late.rows, damaged: damaged.rows, cost: cost.rows }));
} finally {
  await pool.end();
}
