import pg from "pg";

// Aggregates database (Azure Database for PostgreSQL flexible server).
export const pool = new pg.Pool({
  connectionString: process.env.METER_DB_URL,
  ssl: { rejectUnauthorized: true },
  max: 10,
});

export async function upsertHourly(
  meterId: string,
  hour: Date,
  kwh: number,
  samples: number,
): Promise<void> {
  await pool.query(
    `INSERT INTO meter_hourly (meter_id, hour, kwh, samples)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (meter_id, hour)
     DO UPDATE SET kwh = meter_hourly.kwh + EXCLUDED.kwh,
                   samples = meter_hourly.samples + EXCLUDED.samples`,
    [meterId, hour, kwh, samples],
  );
}

export async function isKnownMeter(meterId: string): Promise<boolean> {
  const { rowCount } = await pool.query("SELECT 1 FROM meters WHERE meter_id = $1 AND retired_at IS NULL", [
    meterId,
  ]);
  return (rowCount ?? 0) > 0;
}
