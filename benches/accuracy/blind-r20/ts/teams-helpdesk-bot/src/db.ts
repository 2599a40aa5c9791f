import mysql from 'mysql2/promise';

export const pool = mysql.createPool({
  uri: process.env.HELPDESK_DB_URL,
  connectionLimit: 10,
  waitForConnections: true,
});

export async function findAgentByAadId(aadObjectId: string) {
  const [rows] = await pool.query<mysql.RowDataPacket[]>(
    'SELECT id, display_name, team FROM agents WHERE aad_object_id = ?',
    [aadObjectId],
  );
  return rows[0] as { id: number; display_name: string; team: string } | undefined;
}

export async function registerRequester(aadObjectId: string, name: string) {
  await pool.execute(
    'INSERT INTO requesters (aad_object_id, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name)',
    [aadObjectId, name],
  );
}
