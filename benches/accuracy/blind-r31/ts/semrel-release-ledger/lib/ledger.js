const { Client } = require("pg");

// One short-lived connection per lifecycle step; the release process exits
// right after semantic-release finishes.
async function withLedger(connectionString, fn) {
  const client = new Client({ connectionString, statement_timeout: 15000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

module.exports = { withLedger };
