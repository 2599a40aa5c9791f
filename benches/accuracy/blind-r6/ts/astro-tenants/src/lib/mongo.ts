import mongoose, { type Connection } from 'mongoose';
import { projectSchema, tenantSchema } from './schemas';

// Control-plane database: one default mongoose connection, memoised on globalThis so
// that `astro dev` module reloads do not open another one.
const globalForMongo = globalThis as unknown as { __controlPlane?: Promise<typeof mongoose> };

export function controlPlane(): Promise<typeof mongoose> {
  if (!globalForMongo.__controlPlane) {
    globalForMongo.__controlPlane = mongoose.connect(import.meta.env.MONGODB_URI, {
      maxPoolSize: 10,
      serverSelectionTimeoutMS: 5_000,
    });
  }
  return globalForMongo.__controlPlane;
}

export const Tenant = mongoose.models.Tenant ?? mongoose.model('Tenant', tenantSchema);

// Each tenant lives in its own database. Connections are opened lazily and kept for the
// life of the process, one per tenant.
const tenantConnections = new Map<string, Connection>();

export function tenantDb(tenantId: string): Connection {
  let conn = tenantConnections.get(tenantId);
  if (!conn) {
    conn = mongoose.createConnection(import.meta.env.MONGODB_TENANT_BASE_URI, {
      dbName: `tenant_${tenantId}`,
      maxPoolSize: 3,
    });
    conn.model('Project', projectSchema);
    tenantConnections.set(tenantId, conn);
  }
  return conn;
}
