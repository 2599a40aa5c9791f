const { MongoClient } = require('mongodb');
const { resolveSchema, ServerError } = require('@asymmetrik/node-fhir-server-core');
const { pool } = require('../lib/pg');

function toPatient(base_version, doc) {
  const Patient = resolveSchema(base_version, 'patient');
  return new Patient({
    id: String(doc.patient_id),
    name: [{ family: doc.family_name, given: [doc.given_name] }],
    gender: doc.gender,
    birthDate: doc.birth_date,
  });
}

module.exports.search = async (args, context) => {
  const { base_version, family, birthdate } = args;
  const client = new MongoClient(process.env.MONGO_URL);
  await client.connect();
  const docs = await client
    .db('clinic')
    .collection('patient_index')
    .find({ ...(family && { family_name: family }), ...(birthdate && { birth_date: birthdate }) })
    .limit(50)
    .toArray();
  return docs.map((doc) => toPatient(base_version, doc));
};

module.exports.searchById = async (args, context) => {
  const { base_version, id } = args;
  const { rows } = await pool.query(
    'SELECT patient_id, family_name, given_name, gender, birth_date FROM patients WHERE patient_id = $1',
    [id],
  );
  if (rows.length === 0) {
    throw new ServerError('Patient not found', {
      statusCode: 404,
      issue: [{ severity: 'error', code: 'not-found', diagnostics: `Patient/${id}` }],
    });
  }
  return toPatient(base_version, rows[0]);
};
