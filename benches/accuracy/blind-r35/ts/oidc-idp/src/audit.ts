import pg from 'pg';

const auditPool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 5,
  application_name: 'idp-audit',
});

export async function recordAuthEvent(
  kind: 'grant.success' | 'grant.error' | 'end_session.success',
  clientId: string | undefined,
  accountId: string | undefined,
  detail?: string,
): Promise<void> {
  await auditPool.query(
    'INSERT INTO auth_events (kind, client_id, account_id, detail, at) VALUES ($1, $2, $3, $4, now())',
    [kind, clientId ?? null, accountId ?? null, detail ?? null],
  );
}
