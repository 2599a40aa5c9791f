import pg from 'pg';

const auditPool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 5 });

export async function recordEvent(kind: string, namespace: string, detail: unknown): Promise<void> {
  await auditPool.query(
    'INSERT INTO provisioner_audit (kind, namespace, detail, at) VALUES ($1, $2, $3, now())',
    [kind, namespace, JSON.stringify(detail)],
  );
}
