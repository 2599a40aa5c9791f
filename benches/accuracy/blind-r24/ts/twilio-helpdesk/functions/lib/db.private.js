'use strict';

const mysql = require('mysql2/promise');

// Shared helpers for the helpdesk functions. Twilio keeps a warm container
// around between invocations, so the shared pool lives at module scope.
let sharedPool = null;

function createPool(context) {
  return mysql.createPool({
    host: context.DB_HOST,
    port: Number(context.DB_PORT || 3306),
    user: context.DB_USER,
    password: context.DB_PASSWORD,
    database: context.DB_NAME,
    connectionLimit: 4,
    waitForConnections: true,
    ssl: { rejectUnauthorized: true },
  });
}

function getSharedPool(context) {
  if (!sharedPool) {
    sharedPool = createPool(context);
  }
  return sharedPool;
}

function normalisePhone(raw) {
  if (!raw) return null;
  const digits = String(raw).replace(/[^\d+]/g, '');
  return digits.startsWith('+') ? digits : `+${digits}`;
}

module.exports = { createPool, getSharedPool, normalisePhone };
