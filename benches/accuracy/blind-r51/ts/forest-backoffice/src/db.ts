import { Pool } from 'pg';

// One pool for the raw SQL that the actions need (refund ledger, audit rows).
// The SQL datasource keeps its own Sequelize connection for the CRUD screens.
export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 5,
  idleTimeoutMillis: 30_000,
});

export async function audit(actor: string, action: string, recordId: number): Promise<void> {
  await pool.query(
    'INSERT INTO backoffice_audit (actor, action, record_id, at) VALUES ($1, $2, $3, now())',
    [actor, action, recordId],
  );
}
