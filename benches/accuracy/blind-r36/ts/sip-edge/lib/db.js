'use strict';

const mysql = require('mysql2/promise');

// Subscriber directory (kamailio-style schema), shared by the handlers.
const directory = mysql.createPool({
  uri: process.env.DIRECTORY_MYSQL_URL,
  connectionLimit: 8,
  waitForConnections: true,
});

module.exports = { directory };
