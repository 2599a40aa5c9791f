import fp from 'fastify-plugin';
import { Db, MongoClient } from 'mongodb';

declare module 'fastify' {
  interface FastifyRequest {
    tenantId: string;
    tenantDb: Db;
  }
}

// One MongoClient per tenant cluster, created on first use and kept for the life of the process.
const clients = new Map<string, MongoClient>();

function clusterUrl(tenantId: string): string {
  const template = process.env.TENANT_MONGO_URL_TEMPLATE ?? 'mongodb://mongo-{tenant}.internal:27017';
  return template.replace('{tenant}', tenantId);
}

export default fp(
  async (fastify) => {
    fastify.decorateRequest('tenantId', '');
    fastify.decorateRequest('tenantDb', null as unknown as Db);

    fastify.addHook('onRequest', async (request, reply) => {
      const tenantId = request.headers['x-tenant-id'];
      if (typeof tenantId !== 'string' || !/^[a-z0-9-]{2,32}$/.test(tenantId)) {
        return reply.code(400).send({ error: 'missing or invalid x-tenant-id' });
      }
      let client = clients.get(tenantId);
      if (!client) {
        client = new MongoClient(clusterUrl(tenantId), { maxPoolSize: 10 });
        clients.set(tenantId, client);
      }
      request.tenantId = tenantId;
      request.tenantDb = client.db(`tenant_${tenantId}`);
    });

    fastify.addHook('onClose', async () => {
      await Promise.all([...clients.values()].map((c) => c.close()));
      clients.clear();
    });
  },
  { name: 'tenancy' },
);
