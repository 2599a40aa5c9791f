import type { Pool } from "pg";

// Built once per plugin start; the returned function runs per alarm notification.
export function alarmRecorder(pool: Pool, vesselId: string) {
  return async (path: string, state: string, message: string): Promise<void> => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const { rowCount } = await client.query(
        "UPDATE vessel_alarms SET state = $3, message = $4, updated_at = now() WHERE vessel_id = $1 AND path = $2 AND cleared_at IS NULL",
        [vesselId, path, state, message],
      );
      if (rowCount === 0) {
        await client.query(
          "INSERT INTO vessel_alarms (vessel_id, path, state, message, raised_at, updated_at) VALUES ($1, $2, $3, $4, now(), now())",
          [vesselId, path, state, message],
        );
      }
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK");
      throw err;
    } finally {
      client.release();
    }
  };
}
