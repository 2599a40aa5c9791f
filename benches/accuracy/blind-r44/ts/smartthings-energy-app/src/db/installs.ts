import { Pool } from "pg";

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

export async function rememberInstall(installedAppId: string, locationId: string, pricePerKwh: number): Promise<void> {
  await pool.query(
    `INSERT INTO installs (installed_app_id, location_id, price_per_kwh, updated_at)
     VALUES ($1, $2, $3, now())
     ON CONFLICT (installed_app_id) DO UPDATE
       SET location_id = EXCLUDED.location_id, price_per_kwh = EXCLUDED.price_per_kwh, updated_at = now()`,
    [installedAppId, locationId, pricePerKwh],
  );
}

export async function touchInstall(installedAppId: string): Promise<void> {
  await pool.query("UPDATE installs SET last_event_at = now() WHERE installed_app_id = $1", [installedAppId]);
}

export async function forgetInstall(installedAppId: string): Promise<void> {
  const client = await pool.connect();
  await client.query("BEGIN");
  const found = await client.query("SELECT 1 FROM installs WHERE installed_app_id = $1 FOR UPDATE", [installedAppId]);
  if (found.rowCount === 0) {
    await client.query("ROLLBACK");
    return;
  }
  await client.query("DELETE FROM power_readings WHERE installed_app_id = $1", [installedAppId]);
  await client.query("DELETE FROM daily_energy WHERE installed_app_id = $1", [installedAppId]);
  await client.query("DELETE FROM installs WHERE installed_app_id = $1", [installedAppId]);
  await client.query("COMMIT");
  client.release();
}
