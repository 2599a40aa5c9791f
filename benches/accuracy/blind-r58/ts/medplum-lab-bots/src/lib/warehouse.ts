import pg from 'pg';
import type { BotEvent } from '@medplum/core';

/**
 * Connection helpers for the clinical data warehouse (Postgres).
 *
 * The warehouse URL is stored as a project secret so that staging and
 * production projects can point the same bot code at different databases.
 */
export function warehouseUrl(event: BotEvent): string {
  const setting = event.secrets['WAREHOUSE_URL'];
  if (!setting?.valueString) {
    throw new Error('Missing WAREHOUSE_URL project secret');
  }
  return setting.valueString;
}

export function openWarehouse(event: BotEvent): pg.Pool {
  return new pg.Pool({
    connectionString: warehouseUrl(event),
    max: 4,
    idleTimeoutMillis: 30_000,
    ssl: { rejectUnauthorized: false },
  });
}

export interface LabRow {
  observationId: string;
  patientId: string;
  loincCode: string;
  display: string;
  value: number | null;
  unit: string | null;
  effective: string | null;
  status: string;
}

export async function upsertLabRow(client: pg.PoolClient | pg.Pool, row: LabRow): Promise<void> {
  await client.query(
    `insert into lab_results
       (observation_id, patient_id, loinc_code, display, value, unit, effective_at, status, synced_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, now())
     on conflict (observation_id) do update set
       value = excluded.value,
       unit = excluded.unit,
       status = excluded.status,
       effective_at = excluded.effective_at,
       synced_at = now()`,
    [row.observationId, row.patientId, row.loincCode, row.display, row.value, row.unit, row.effective, row.status]
  );
}
