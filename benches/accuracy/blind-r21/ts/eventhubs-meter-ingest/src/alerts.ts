import pg from "pg";

const pool = new pg.Pool({
  connectionString: process.env.METER_DB_URL,
  ssl: { rejectUnauthorized: true },
  max: 4,
});

export interface Reading {
  meterId: string;
  ts: string;
  kwh: number;
  voltage: number;
}

const LOW_VOLTAGE = 207; // -10% of 230V nominal
const HIGH_VOLTAGE = 253; // +10%

export async function checkVoltage(reading: Reading): Promise<void> {
  if (reading.voltage >= LOW_VOLTAGE && reading.voltage <= HIGH_VOLTAGE) {
    return;
  }
  const kind = reading.voltage < LOW_VOLTAGE ? "undervoltage" : "overvoltage";

  const client = await pool.connect();
  const open = await client.query(
    "SELECT id FROM voltage_alerts WHERE meter_id = $1 AND kind = $2 AND closed_at IS NULL",
    [reading.meterId, kind],
  );
  if (open.rowCount && open.rowCount > 0) {
    // Already alerting for this meter; just bump the counter.
    await client.query("UPDATE voltage_alerts SET occurrences = occurrences + 1 WHERE id = $1", [
      open.rows[0].id,
    ]);
    return;
  }
  await client.query(
    "INSERT INTO voltage_alerts (meter_id, kind, first_seen, voltage) VALUES ($1, $2, $3, $4)",
    [reading.meterId, kind, reading.ts, reading.voltage],
  );
  client.release();
}
