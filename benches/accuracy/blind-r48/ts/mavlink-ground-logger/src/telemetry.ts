import pg from 'pg';
import { common } from 'node-mavlink';

const telemetryPool = new pg.Pool({
  connectionString: process.env.TELEMETRY_DATABASE_URL,
  max: 4,
});

const FLUSH_EVERY = 25;
let buffer: Array<[string, number, number, number, number, number]> = [];

export async function onGlobalPosition(flightId: string, msg: common.GlobalPositionInt): Promise<void> {
  buffer.push([
    flightId,
    msg.timeBootMs,
    msg.lat / 1e7,
    msg.lon / 1e7,
    msg.relativeAlt / 1000,
    msg.hdg / 100,
  ]);
  if (buffer.length < FLUSH_EVERY) return;

  const rows = buffer;
  buffer = [];
  const values: unknown[] = [];
  const tuples = rows.map((r, i) => {
    values.push(...r);
    const o = i * 6;
    return `($${o + 1}, $${o + 2}, $${o + 3}, $${o + 4}, $${o + 5}, $${o + 6})`;
  });
  await telemetryPool.query(
    `INSERT INTO flight_positions (flight_id, boot_ms, lat, lon, rel_alt_m, heading_deg)
     VALUES ${tuples.join(', ')}`,
    values,
  );
}

export async function onSysStatus(flightId: string, msg: common.SysStatus): Promise<void> {
  await telemetryPool.query(
    `INSERT INTO flight_power (flight_id, voltage_mv, current_ca, battery_pct, recorded_at)
     VALUES ($1, $2, $3, $4, now())`,
    [flightId, msg.voltageBattery, msg.currentBattery, msg.batteryRemaining],
  );
}
