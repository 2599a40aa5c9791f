import { BotEvent, MedplumClient, getReferenceString, resolveId } from '@medplum/core';
import { Observation, Patient } from '@medplum/fhirtypes';
import { LabRow, openWarehouse, upsertLabRow } from './lib/warehouse';

/**
 * Bot: lab-result-sync
 *
 * Triggered by a FHIR Subscription on `Observation?category=laboratory`.
 * Every created or updated lab Observation is copied into the warehouse so
 * that the population-health dashboards do not query the FHIR server.
 */
export async function handler(medplum: MedplumClient, event: BotEvent<Observation>): Promise<any> {
  const observation = event.input;
  if (observation.resourceType !== 'Observation' || !observation.id) {
    return { skipped: true, reason: 'not an observation' };
  }

  const patientId = resolveId(observation.subject);
  if (!patientId) {
    console.log('Observation without subject', getReferenceString(observation));
    return { skipped: true, reason: 'no subject' };
  }

  const patient = await medplum.readResource('Patient', patientId);
  if (isTestPatient(patient)) {
    return { skipped: true, reason: 'test patient' };
  }

  const coding = observation.code?.coding?.find((c) => c.system === 'http://loinc.org');
  if (!coding?.code) {
    return { skipped: true, reason: 'no LOINC code' };
  }

  const row: LabRow = {
    observationId: observation.id,
    patientId,
    loincCode: coding.code,
    display: coding.display ?? observation.code?.text ?? coding.code,
    value: observation.valueQuantity?.value ?? null,
    unit: observation.valueQuantity?.unit ?? null,
    effective: observation.effectiveDateTime ?? null,
    status: observation.status,
  };

  const warehouse = openWarehouse(event);
  await upsertLabRow(warehouse, row);

  if (isCritical(observation)) {
    await medplum.createResource({
      resourceType: 'Communication',
      status: 'in-progress',
      subject: { reference: `Patient/${patientId}` },
      about: [{ reference: getReferenceString(observation) }],
      payload: [{ contentString: `Critical lab result: ${row.display} ${row.value ?? ''} ${row.unit ?? ''}` }],
    });
  }

  return { synced: observation.id };
}

function isTestPatient(patient: Patient): boolean {
  return !!patient.meta?.tag?.some((t) => t.code === 'test-patient');
}

function isCritical(observation: Observation): boolean {
  return !!observation.interpretation?.some((i) =>
    i.coding?.some((c) => c.code === 'HH' || c.code === 'LL' || c.code === 'AA')
  );
}
