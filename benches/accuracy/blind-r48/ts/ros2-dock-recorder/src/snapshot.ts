import { pool } from './db';

interface TriggerResponse {
  template: { success: boolean; message: string };
  send(result: { success: boolean; message: string }): void;
}

export function makeSnapshotService(robotId: string, lastPose: () => { x: number; y: number; theta: number }) {
  return async (_request: unknown, response: TriggerResponse): Promise<void> => {
    const result = response.template;
    const pose = lastPose();

    const client = await pool.connect();
    await client.query('BEGIN');
    const { rows } = await client.query(
      `INSERT INTO dock_snapshots (robot_id, x, y, theta, taken_at)
       VALUES ($1, $2, $3, $4, now()) RETURNING id`,
      [robotId, pose.x, pose.y, pose.theta],
    );
    await client.query(
      `UPDATE robots SET last_snapshot_id = $1, updated_at = now() WHERE id = $2`,
      [rows[0].id, robotId],
    );
    await client.query('COMMIT');
    client.release();

    result.success = true;
    result.message = `snapshot ${rows[0].id}`;
    response.send(result);
  };
}
