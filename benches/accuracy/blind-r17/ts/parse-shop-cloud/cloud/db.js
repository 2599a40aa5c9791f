const { Pool } = require('pg');

// Inventory/ordering lives in Postgres next to the Parse Mongo.
const pool = new Pool({ connectionString: process.env.INVENTORY_DB_URL, max: 10 });

module.exports = { pool };
