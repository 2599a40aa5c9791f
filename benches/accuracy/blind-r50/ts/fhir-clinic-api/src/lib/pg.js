const { Pool } = require('pg');

// Clinic record store (Postgres). Shared by the service modules.
const pool = new Pool({
  connectionString: process.env.CLINIC_DATABASE_URL,
  max: 10,
});

module.exports = { pool };
