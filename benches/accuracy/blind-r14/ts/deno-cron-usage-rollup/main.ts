import { pool, waitForDatabase } from "./db.ts";
import { closeAll, countersFor } from "./counters.ts";

interface TenantRow {
  id: string;
  region: string;
}

await waitForDatabase();

async function rollupTenant(tenant: TenantRow, hour: Date): Promise<void> {
  const redis = countersFor(tenant.region);
  const key = `usage:${tenant.id}:${hour.toISOString().slice(0, 13)}`;
  const counts = await redis.hgetall(key);
  if (Object.keys(counts).length === 0) return;

  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    for (const [metric, value] of Object.entries(counts)) {
      await client.query(
        `INSERT INTO usage_hourly (tenant_id, hour, metric, amount) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, hour, metric) DO UPDATE SET amount = EXCLUDED.amount`,
        [tenant.id, hour, metric, Number(value)],
      );
    }
    await client.query("COMMIT");
    await redis.expire(key, 7 * 24 * 3600);
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    client.release();
  }
}

Deno.cron("usage-hourly-rollup", "5 * * * *", async () => {
  const hour = new Date();
  hour.setUTCMinutes(0, 0, 0);
  hour.setUTCHours(hour.getUTCHours() - 1);

  const { rows: tenants } = await pool.query<TenantRow>(
    "SELECT id, region FROM tenants WHERE active",
  );
  for (const tenant of tenants) {
    try {
      await rollupTenant(tenant, hour);
    } catch (err) {
      console.error(`rollup failed for ${tenant.id}`, err);
    }
  }
});

Deno.cron("usage-prune", { dayOfWeek: 0, hour: 3, minute: 0 }, async () => {
  await pool.query("DELETE FROM usage_hourly WHERE hour < now() - interval '400 days'");
});

Deno.addSignalListener("SIGTERM", async () => {
  await closeAll();
  await pool.end();
  Deno.exit(0);
});
