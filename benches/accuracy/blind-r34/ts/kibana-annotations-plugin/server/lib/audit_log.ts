import { Pool } from 'pg';

const auditPool = new Pool({
  connectionString: process.env.ANNOTATIONS_PG_URL,
  max: 4,
});

export async function audit(user: string, action: string, detail: Record<string, unknown>) {
  await auditPool.query(
    'INSERT INTO annotation_audit (username, action, detail, at) VALUES ($1, $2, $3, now())',
    [user, action, JSON.stringify(detail)],
  );
}
