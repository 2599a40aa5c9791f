const Redis = require('ioredis');

// Each tenant has a dedicated Redis (data residency). The list of tenants is fixed by
// configuration, so the cache below is bounded: at most one client per configured tenant.
const TENANT_REDIS_URLS = JSON.parse(process.env.TENANT_REDIS_URLS || '{}');

const clients = new Map();

function isKnownTenant(tenant) {
  return Object.prototype.hasOwnProperty.call(TENANT_REDIS_URLS, tenant);
}

function redisForTenant(tenant) {
  if (!isKnownTenant(tenant)) {
    throw new Error(`unknown tenant ${tenant}`);
  }
  let client = clients.get(tenant);
  if (!client) {
    client = new Redis(TENANT_REDIS_URLS[tenant], {
      maxRetriesPerRequest: 2,
      enableAutoPipelining: true,
      connectionName: `orders-api:${process.pid}`,
    });
    client.on('error', (err) => think.logger.warn(`redis[${tenant}]: ${err.message}`));
    clients.set(tenant, client);
  }
  return client;
}

async function closeTenantClients() {
  const all = [...clients.values()];
  clients.clear();
  await Promise.allSettled(all.map((client) => client.quit()));
}

module.exports = { redisForTenant, isKnownTenant, closeTenantClients };
