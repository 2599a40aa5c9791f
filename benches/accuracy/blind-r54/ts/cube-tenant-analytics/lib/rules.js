// Row-level security rules maintained by tenant admins in the control database.
const { Client } = require('pg');

const MEMBER_WHITELIST = new Set([
  'orders.region',
  'orders.sales_channel',
  'customers.account_manager',
  'stores.store_id',
]);

function normalise(row) {
  if (!MEMBER_WHITELIST.has(row.member)) {
    return null;
  }
  const values = Array.isArray(row.allowed_values)
    ? row.allowed_values.map(String)
    : String(row.allowed_values).split(',').map((v) => v.trim());
  return { member: row.member, values };
}

async function loadRowRules(tenantId, userId) {
  const client = new Client({
    connectionString: process.env.CONTROL_DATABASE_URL,
    statement_timeout: 2_000,
  });
  await client.connect();
  const { rows } = await client.query(
    `SELECT member, allowed_values
       FROM row_rules
      WHERE tenant_id = $1
        AND (user_id = $2 OR user_id IS NULL)
      ORDER BY priority`,
    [tenantId, userId]
  );
  await client.end();

  return rows.map(normalise).filter(Boolean);
}

module.exports = { loadRowRules };
