import pg from "pg";
import type { Reading } from "../types.js";

const alertsPool = new pg.Pool({
  connectionString: process.env.TELEMETRY_PG_URL,
  max: 4,
});

export async function thresholdFor(house: string, kind: Reading["kind"]): Promise<{ min: number; max: number } | null> {
  const { rows } = await alertsPool.query(
    "select min_value as min, max_value as max from thresholds where house = $1 and kind = $2",
    [house, kind]
  );
  return rows[0] ?? null;
}

export async function recordAlert(r: Reading, reason: string): Promise<void> {
  await alertsPool.query(
    "insert into alerts (sensor_id, house, kind, value, reason, raised_at) values ($1, $2, $3, $4, $5, $6)",
    [r.sensorId, r.house, r.kind, r.value, reason, r.at]
  );
}
