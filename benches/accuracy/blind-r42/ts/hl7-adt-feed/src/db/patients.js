'use strict';

const mysql = require('mysql2/promise');

const pool = mysql.createPool({
  uri: process.env.EMPI_DATABASE_URL,
  connectionLimit: 8,
  waitForConnections: true,
});

async function upsertPatient(p) {
  await pool.execute(
    `INSERT INTO patients (mrn, family_name, given_name, birth_date, sex)
     VALUES (?, ?, ?, ?, ?)
     ON DUPLICATE KEY UPDATE family_name = VALUES(family_name),
       given_name = VALUES(given_name), birth_date = VALUES(birth_date), sex = VALUES(sex)`,
    [p.mrn, p.familyName, p.givenName, p.birthDate, p.sex]
  );
}

async function mergePatients(survivorMrn, retiredMrn) {
  await pool.execute('UPDATE patients SET merged_into = ? WHERE mrn = ?', [survivorMrn, retiredMrn]);
}

module.exports = { upsertPatient, mergePatients };
