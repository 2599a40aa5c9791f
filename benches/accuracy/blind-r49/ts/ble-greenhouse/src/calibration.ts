import pg from "pg";

const calibrationPool = new pg.Pool({
  host: process.env.PGHOST ?? "localhost",
  database: "greenhouse",
  user: "sensors",
  max: 3,
});

export async function offsetFor(sensorId: number): Promise<number> {
  const { rows } = await calibrationPool.query<{ offset_c: number }>(
    "SELECT offset_c FROM calibration WHERE sensor_id = $1",
    [sensorId],
  );
  return rows[0]?.offset_c ?? 0;
}
