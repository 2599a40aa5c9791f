import { Pool } from "pg";

export const readingsPool = new Pool({ connectionString: process.env.DATABASE_URL, max: 80, idleTimeoutMillis: 10_000 });

export interface Reading {
  installedAppId: string;
  deviceId: string;
  watts: number;
  at: Date;
}

export async function insertReading(r: Reading): Promise<void> {
  await readingsPool.query(
    "INSERT INTO power_readings (installed_app_id, device_id, watts, read_at) VALUES ($1, $2, $3, $4)",
    [r.installedAppId, r.deviceId, r.watts, r.at],
  );
}

export async function rollupDay(installedAppId: string, day: Date): Promise<void> {
  const date = day.toISOString().slice(0, 10);
  await readingsPool.query(
    `INSERT INTO daily_energy (installed_app_id, device_id, day, kwh)
     SELECT installed_app_id, device_id, $2::date,
            SUM(watts) / COUNT(*) * 24 / 1000.0
       FROM power_readings
      WHERE installed_app_id = $1 AND read_at::date = $2::date
      GROUP BY installed_app_id, device_id
     ON CONFLICT (installed_app_id, device_id, day) DO UPDATE SET kwh = EXCLUDED.kwh`,
    [installedAppId, date],
  );
}
