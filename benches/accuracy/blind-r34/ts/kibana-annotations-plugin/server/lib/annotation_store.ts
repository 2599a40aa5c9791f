import { Pool } from 'pg';

const pool = new Pool({
  connectionString: process.env.ANNOTATIONS_PG_URL,
  max: 10,
});

export interface Annotation {
  id: number;
  dashboardId: string;
  message: string;
  tags: string[];
  timestamp: string;
  author: string;
}

export async function listAnnotations(dashboardId: string): Promise<Annotation[]> {
  const { rows } = await pool.query(
    `SELECT id, dashboard_id AS "dashboardId", message, tags, ts AS timestamp, author
       FROM annotations WHERE dashboard_id = $1 ORDER BY ts DESC LIMIT 500`,
    [dashboardId],
  );
  return rows;
}

export async function createAnnotation(input: Omit<Annotation, 'id'>): Promise<number> {
  const client = await pool.connect();
  await client.query('BEGIN');
  const { rows } = await client.query(
    `INSERT INTO annotations (dashboard_id, message, ts, author)
     VALUES ($1, $2, $3, $4) RETURNING id`,
    [input.dashboardId, input.message, input.timestamp, input.author],
  );
  for (const tag of input.tags) {
    await client.query('INSERT INTO annotation_tags (annotation_id, tag) VALUES ($1, $2)', [
      rows[0].id,
      tag,
    ]);
  }
  await client.query('COMMIT');
  client.release();
  return rows[0].id;
}
