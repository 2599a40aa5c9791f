import pg from 'pg';

// Telemetry tables live in the fleet database too; kept on their own pool so
// the heavy odometer rollups don't starve the API.
const telemetryPool = new pg.Pool({
  connectionString: process.env.FLEET_DATABASE_URL,
  max: 5,
  statement_timeout: 5_000,
});

export async function odometerKm(vehicleId: string): Promise<number> {
  const { rows } = await telemetryPool.query(
    'SELECT max(odometer_km) AS km FROM telemetry_points WHERE vehicle_id = $1',
    [vehicleId],
  );
  return Number(rows[0]?.km ?? 0);
}
