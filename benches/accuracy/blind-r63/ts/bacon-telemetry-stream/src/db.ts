import pg from "pg";
import type { Reading } from "./types.js";

export const pool = new pg.Pool({
  connectionString: process.env.TELEMETRY_PG_URL,
  max: 8,
});

export async function writeRollup(batch: Reading[]): Promise<void> {
  if (batch.length === 0) return;
  const values: unknown[] = [];
  const tuples = batch.map((r, i) => {
    values.push(r.sensorId, r.kind, r.value, r.at);
    const o = i * 4;
    return `($${o + 1}, $${o + 2}, $${o + 3}, $${o + 4})`;
  });
  await pool.query(
    `insert into readings_minute (sensor_id, kind, value, recorded_at) values ${tuples.join(", ")}
     on conflict (sensor_id, kind, recorded_at) do update set value = excluded.value`,
    values
  );
}
