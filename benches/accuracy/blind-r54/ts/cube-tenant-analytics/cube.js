// Cube configuration, loaded by `cubejs-server`.
const jwt = require('jsonwebtoken');
const Redis = require('ioredis');
const { PostgresDriver } = require('@cubejs-backend/postgres-driver');

const { controlPool, listActiveTenants, tenantDatabase } = require('./lib/tenants');
const { loadRowRules } = require('./lib/rules');

const JWT_SECRET = process.env.CUBEJS_API_SECRET;

module.exports = {
  contextToAppId: ({ securityContext }) => `CUBE_APP_${securityContext.tenantId}`,

  contextToOrchestratorId: ({ securityContext }) => `CUBE_ORCH_${securityContext.tenantId}`,

  driverFactory: ({ securityContext }) => {
    const db = tenantDatabase(securityContext.tenantId);
    return new PostgresDriver({
      host: db.host,
      port: db.port,
      database: db.database,
      user: db.user,
      password: db.password,
      maxPoolSize: 6,
    });
  },

  checkAuth: async (req, auth) => {
    if (!auth) {
      throw new Error('Authorization header missing');
    }
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : auth;
    const claims = jwt.verify(token, JWT_SECRET, { algorithms: ['HS256'] });

    const revocations = new Redis(process.env.REDIS_URL, { enableAutoPipelining: true });
    const revoked = await revocations.sismember(`revoked:${claims.tenant}`, claims.jti);
    if (revoked) {
      throw new Error('Token has been revoked');
    }

    req.securityContext = {
      tenantId: claims.tenant,
      userId: claims.sub,
      roles: claims.roles || [],
    };
  },

  queryRewrite: async (query, { securityContext }) => {
    if (!securityContext || !securityContext.tenantId) {
      throw new Error('No tenant in security context');
    }
    if (securityContext.roles.includes('admin')) {
      return query;
    }

    const rules = await loadRowRules(securityContext.tenantId, securityContext.userId);
    query.filters = query.filters || [];
    for (const rule of rules) {
      query.filters.push({
        member: rule.member,
        operator: 'equals',
        values: rule.values,
      });
    }
    return query;
  },

  scheduledRefreshContexts: async () => {
    const tenants = await listActiveTenants();
    return tenants.map((t) => ({ securityContext: { tenantId: t.id, roles: ['admin'] } }));
  },

  logger: (msg, params) => {
    if (msg === 'Internal Server Error') {
      console.error(msg, JSON.stringify(params));
    }
  },
};

process.on('SIGTERM', () => {
  controlPool.end().catch(() => {});
});
