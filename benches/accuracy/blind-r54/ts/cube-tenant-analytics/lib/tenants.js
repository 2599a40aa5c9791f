// Control-plane database: which tenants exist and where their warehouse lives.
const { Pool } = require('pg');

const controlPool = new Pool({
  connectionString: process.env.CONTROL_DATABASE_URL,
  max: 4,
  idleTimeoutMillis: 30_000,
});

const tenantCache = new Map();

async function refreshTenants() {
  const { rows } = await controlPool.query(
    `SELECT id, db_host, db_port, db_name, db_user, db_password
       FROM tenants
      WHERE status = 'active'`
  );
  tenantCache.clear();
  for (const row of rows) {
    tenantCache.set(row.id, {
      host: row.db_host,
      port: row.db_port,
      database: row.db_name,
      user: row.db_user,
      password: row.db_password,
    });
  }
  return rows;
}

async function listActiveTenants() {
  const rows = await refreshTenants();
  return rows.map((r) => ({ id: r.id }));
}

function tenantDatabase(tenantId) {
  const db = tenantCache.get(tenantId);
  if (!db) {
    throw new Error(`Unknown tenant ${tenantId}`);
  }
  return db;
}

refreshTenants().catch((err) => console.error('initial tenant load failed', err));

module.exports = { controlPool, listActiveTenants, tenantDatabase };
