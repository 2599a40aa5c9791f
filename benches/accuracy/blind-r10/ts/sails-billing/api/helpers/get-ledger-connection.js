const mysql = require('mysql2/promise');

module.exports = {
  friendlyName: 'Get ledger connection',

  description: 'Open a connection to the ledger database (primary or read replica).',

  inputs: {
    readOnly: {
      type: 'boolean',
      defaultsTo: false,
    },
  },

  fn: async function ({ readOnly }) {
    const uri = readOnly ? process.env.LEDGER_REPLICA_URL : process.env.LEDGER_DATABASE_URL;
    const connection = await mysql.createConnection({ uri, timezone: 'Z', dateStrings: false });
    return connection;
  },
};
