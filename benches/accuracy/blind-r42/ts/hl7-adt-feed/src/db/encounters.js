'use strict';

const mysql = require('mysql2/promise');

// Encounter tables live in the same EMPI schema as patients.
const db = mysql.createPool({
  uri: process.env.EMPI_DATABASE_URL,
  connectionLimit: 8,
});

async function admit(visit) {
  await db.execute(
    `INSERT INTO encounters (visit_number, mrn, ward, bed, admitted_at, status)
     VALUES (?, ?, ?, ?, ?, 'admitted')
     ON DUPLICATE KEY UPDATE ward = VALUES(ward), bed = VALUES(bed)`,
    [visit.visitNumber, visit.mrn, visit.ward, visit.bed, visit.at]
  );
}

async function discharge(visitNumber, at) {
  await db.execute(
    "UPDATE encounters SET status = 'discharged', discharged_at = ? WHERE visit_number = ?",
    [at, visitNumber]
  );
}

async function recordOrder(order) {
  await db.execute(
    'INSERT IGNORE INTO lab_orders (placer_number, visit_number, code, ordered_at) VALUES (?, ?, ?, ?)',
    [order.placerNumber, order.visitNumber, order.code, order.at]
  );
}

module.exports = { admit, discharge, recordOrder };
