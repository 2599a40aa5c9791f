import pg from 'pg';
import { common } from 'node-mavlink';

const pool = new pg.Pool({
  connectionString: process.env.TELEMETRY_DATABASE_URL,
  max: 3,
});

export async function startFlight(vehicle: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO flights (vehicle, started_at) VALUES ($1, now()) RETURNING id`,
    [vehicle],
  );
  return rows[0].id;
}

export async function onMissionItemReached(flightId: string, msg: common.MissionItemReached): Promise<void> {
  await pool.query(
    `INSERT INTO mission_progress (flight_id, seq, reached_at) VALUES ($1, $2, now())
     ON CONFLICT (flight_id, seq) DO NOTHING`,
    [flightId, msg.seq],
  );
}

export async function endFlight(flightId: string): Promise<void> {
  await pool.query(`UPDATE flights SET ended_at = now() WHERE id = $1`, [flightId]);
}
