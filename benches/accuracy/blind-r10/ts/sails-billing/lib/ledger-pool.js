const mysql = require('mysql2/promise');

// The ledger lives in its own MySQL schema, outside the Waterline datastore.
const pool = mysql.createPool({ uri: process.env.LEDGER_DATABASE_URL, connectionLimit: 50, waitForConnections: true, queueLimit: 0 });

module.exports = pool;
