const { Pool } = require('pg');
const { resolveSchema } = require('@asymmetrik/node-fhir-server-core');

const db = new Pool({ connectionString: process.env.CLINIC_DATABASE_URL, max: 8 });

function toObservation(base_version, row) {
  const Observation = resolveSchema(base_version, 'observation');
  return new Observation({
    id: String(row.id),
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: row.loinc_code }] },
    subject: { reference: `Patient/${row.patient_id}` },
    effectiveDateTime: row.taken_at,
    valueQuantity: { value: Number(row.value), unit: row.unit },
  });
}

module.exports.search = async (args, context) => {
  const { base_version, patient, code } = args;
  const { rows } = await db.query(
    `SELECT id, patient_id, loinc_code, value, unit, taken_at FROM observations
     WHERE patient_id = $1 AND ($2::text IS NULL OR loinc_code = $2)
     ORDER BY taken_at DESC LIMIT 100`,
    [String(patient).replace('Patient/', ''), code || null],
  );
  return rows.map((row) => toObservation(base_version, row));
};

module.exports.searchById = async (args, context) => {
  const { base_version, id } = args;
  const conn = await db.connect();
  const { rows } = await conn.query(
    'SELECT id, patient_id, loinc_code, value, unit, taken_at FROM observations WHERE id = $1',
    [id],
  );
  conn.release();
  return rows[0] ? toObservation(base_version, rows[0]) : null;
};
