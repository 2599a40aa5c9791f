import { BotEvent, MedplumClient, resolveId } from '@medplum/core';
import { Encounter } from '@medplum/fhirtypes';
import pg from 'pg';
import { warehouseUrl } from './lib/warehouse';

/**
 * Bot: encounter-export
 *
 * Triggered by a FHIR Subscription on `Encounter?status=finished`.
 * Writes the encounter and its diagnoses to the warehouse in one transaction.
 *
 * The pool is cached in module scope so warm invocations reuse it.
 */
let pool: pg.Pool | undefined;

function getPool(event: BotEvent): pg.Pool {
  if (!pool) {
    pool = new pg.Pool({ connectionString: warehouseUrl(event), max: 2, ssl: { rejectUnauthorized: false } });
  }
  return pool;
}

export async function handler(medplum: MedplumClient, event: BotEvent<Encounter>): Promise<any> {
  const encounter = event.input;
  if (!encounter.id || encounter.status !== 'finished') {
    return { skipped: true };
  }

  const patientId = resolveId(encounter.subject);
  const client = await getPool(event).connect();
  await client.query('BEGIN');

  await client.query(
    `insert into encounters (encounter_id, patient_id, class_code, started_at, ended_at)
     values ($1, $2, $3, $4, $5)
     on conflict (encounter_id) do update set ended_at = excluded.ended_at`,
    [encounter.id, patientId, encounter.class?.code ?? null, encounter.period?.start ?? null, encounter.period?.end ?? null]
  );

  const conditionIds = (encounter.diagnosis ?? [])
    .map((d) => resolveId(d.condition))
    .filter((id): id is string => !!id);

  if (conditionIds.length === 0) {
    await client.query('COMMIT');
    return { exported: encounter.id, diagnoses: 0 };
  }

  for (const conditionId of conditionIds) {
    const condition = await medplum.readResource('Condition', conditionId);
    const icd = condition.code?.coding?.find((c) => c.system === 'http://hl7.org/fhir/sid/icd-10-cm');
    await client.query(
      `insert into encounter_diagnoses (encounter_id, condition_id, icd10)
       values ($1, $2, $3) on conflict do nothing`,
      [encounter.id, conditionId, icd?.code ?? null]
    );
  }

  await client.query('COMMIT');
  client.release();
  return { exported: encounter.id, diagnoses: conditionIds.length };
}
