import { pool, openStreamDb } from './db.js';
import { archiveRecording } from './archive.js';

export async function isStreamKeyValid(streamPath: string, key: string | undefined): Promise<boolean> {
  if (!key) return false;
  const [, app, name] = streamPath.split('/');
  const authDb = openStreamDb();
  const { rows } = await authDb.query(
    'SELECT 1 FROM stream_keys WHERE app = $1 AND channel = $2 AND secret = $3 AND revoked_at IS NULL',
    [app, name, key],
  );
  return rows.length > 0;
}

export async function markLive(streamPath: string, sessionId: string): Promise<void> {
  await pool.query(
    'INSERT INTO live_sessions (session_id, stream_path, started_at) VALUES ($1, $2, now())',
    [sessionId, streamPath],
  );
}

export async function finishSession(streamPath: string, sessionId: string): Promise<void> {
  const client = await pool.connect();
  await client.query('BEGIN');
  await client.query('UPDATE live_sessions SET ended_at = now() WHERE session_id = $1', [sessionId]);
  const uploaded = await archiveRecording(streamPath);
  await client.query('UPDATE live_sessions SET archived_files = $2 WHERE session_id = $1', [
    sessionId,
    uploaded,
  ]);
  await client.query('COMMIT');
  client.release();
}
