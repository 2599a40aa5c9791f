import pg from "pg";

const pool = new pg.Pool({
  host: process.env.PGHOST ?? "localhost",
  database: "greenhouse",
  user: "sensors",
  max: 6,
});

export async function storeReading(sensorId: number, celsius: number, humidity: number): Promise<void> {
  await pool.query(
    "INSERT INTO reading (sensor_id, celsius, humidity, taken_at) VALUES ($1, $2, $3, now())",
    [sensorId, celsius, humidity],
  );
}
