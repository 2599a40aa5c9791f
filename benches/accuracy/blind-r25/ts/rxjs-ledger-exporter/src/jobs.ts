import type { Pool } from 'pg';
import type { Bucket } from '@google-cloud/storage';

export interface ExportDeps {
  pool: Pool;
  bucket: Bucket;
}

export interface PeriodRow {
  id: number;
  entity: string;
  period: string; // YYYY-MM
}

// Claim up to `limit` closed periods that have not been exported yet.
export async function claimBatch(pool: Pool, limit = 10): Promise<PeriodRow[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<PeriodRow>(
      `SELECT id, entity, to_char(period_start, 'YYYY-MM') AS period
         FROM ledger_periods
        WHERE status = 'closed' AND exported_at IS NULL AND claimed_at IS NULL
        ORDER BY period_start
        LIMIT $1
        FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    if (rows.length > 0) {
      await client.query('UPDATE ledger_periods SET claimed_at = now() WHERE id = ANY($1)', [
        rows.map((r) => r.id),
      ]);
    }
    await client.query('COMMIT');
    return rows;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

function csvCell(v: unknown): string {
  const s = v == null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function exportPeriod(deps: ExportDeps, p: PeriodRow): Promise<string> {
  const { rows } = await deps.pool.query(
    `SELECT posted_at, account_code, description, debit_cents, credit_cents, currency
       FROM ledger_entries
      WHERE period_id = $1
      ORDER BY posted_at, id`,
    [p.id],
  );
  const header = 'posted_at,account_code,description,debit_cents,credit_cents,currency';
  const lines = rows.map((r) =>
    [r.posted_at.toISOString(), r.account_code, r.description, r.debit_cents, r.credit_cents, r.currency]
      .map(csvCell)
      .join(','),
  );
  const objectName = `ledger/${p.entity}/${p.period}.csv`;
  await deps.bucket.file(objectName).save([header, ...lines].join('\n'), {
    contentType: 'text/csv',
    resumable: false,
    metadata: { metadata: { periodId: String(p.id), rows: String(rows.length) } },
  });
  await deps.pool.query('UPDATE ledger_periods SET exported_at = now(), export_object = $2 WHERE id = $1', [
    p.id,
    objectName,
  ]);
  return objectName;
}

export async function releaseClaim(pool: Pool, p: PeriodRow): Promise<void> {
  await pool.query('UPDATE ledger_periods SET claimed_at = NULL WHERE id = $1 AND exported_at IS NULL', [p.id]);
}
