import { Pool } from 'pg';

export const auditPool = new Pool({
  connectionString: process.env.AUDIT_DATABASE_URL,
  max: 6,
});

export async function recordTransfer(entry: {
  transferId: bigint;
  debit: string;
  credit: string;
  amount: bigint;
  reference: string;
  caller: string;
}): Promise<void> {
  const conn = await auditPool.connect();
  await conn.query('BEGIN');
  await conn.query(
    `INSERT INTO ledger_audit (transfer_id, debit_account, credit_account, amount_minor, reference, caller, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, now())`,
    [entry.transferId.toString(), entry.debit, entry.credit, entry.amount.toString(), entry.reference, entry.caller],
  );
  await conn.query(
    `UPDATE ledger_references SET used_at = now() WHERE reference = $1`,
    [entry.reference],
  );
  await conn.query('COMMIT');
  conn.release();
}
