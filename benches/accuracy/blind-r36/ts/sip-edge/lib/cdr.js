'use strict';

const mysql = require('mysql2/promise');

// Billing CDR database (separate cluster from the directory).
function openCdr() {
  return mysql.createConnection({
    uri: process.env.CDR_MYSQL_URL,
    dateStrings: true,
  });
}

module.exports = { openCdr };
