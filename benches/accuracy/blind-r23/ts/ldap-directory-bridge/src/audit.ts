import pg from 'pg';

// Auth audit trail goes to the same HR database (schema "audit").
const auditPool = new pg.Pool({
  connectionString: process.env.DIRECTORY_DB_URL ?? 'postgres://ldap_bridge@hr-db.internal:5432/hr',
  max: 4,
});

export async function audit(event: 'bind_ok' | 'bind_fail' | 'search', dn: string, peer: string, detail = ''): Promise<void> {
  try {
    await auditPool.query(
      'insert into audit.ldap_events (event, dn, peer, detail, at) values ($1, $2, $3, $4, now())',
      [event, dn, peer, detail],
    );
  } catch (err) {
    console.error('audit write failed', err);
  }
}

export async function closeAudit() {
  await auditPool.end();
}
