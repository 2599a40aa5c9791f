import pg from 'pg';

// Roles / entitlements live in the main Postgres database.
export const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 30_000,
});

export async function rolesFor(accountId: string): Promise<string[]> {
  const { rows } = await pool.query<{ role: string }>(
    'SELECT role FROM account_roles WHERE account_id = $1 ORDER BY role',
    [accountId],
  );
  return rows.map((r) => r.role);
}
